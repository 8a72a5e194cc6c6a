namespace CareCoordination.Sdk.Signals;

/// <summary>
/// The legal reporting criteria (<em>meldcriteria</em>, Jeugdwet art. 7.1.4.1) on which a professional may signal
/// without consent. A registration must name one, but the index never stores it: the criterion stays in the
/// reporter's own records.
/// </summary>
public enum ReportingCriterion
{
    /// <summary>No criterion; never valid in a registration.</summary>
    None = 0,

    /// <summary>The youth is a victim of violence, or of neglect.</summary>
    ViolenceOrNeglect,

    /// <summary>Psychological problems or addiction.</summary>
    PsychologicalProblemsOrAddiction,

    /// <summary>Serious upbringing problems.</summary>
    SeriousUpbringingProblems,

    /// <summary>Teenage parenthood.</summary>
    TeenageParenthood,

    /// <summary>School absence or dropping out of school.</summary>
    SchoolAbsenceOrDropout,

    /// <summary>No motivation to earn a legal living.</summary>
    NoLegalLivelihood,

    /// <summary>Financial problems.</summary>
    FinancialProblems,

    /// <summary>No fixed home.</summary>
    NoFixedHome,

    /// <summary>A danger to others.</summary>
    DangerToOthers,

    /// <summary>Crime.</summary>
    Crime,

    /// <summary>The parents seriously fail in their care.</summary>
    ParentsSeriouslyFailing,

    /// <summary>Risks that occur disproportionately often in some groups.</summary>
    GroupSpecificRisks,
}
