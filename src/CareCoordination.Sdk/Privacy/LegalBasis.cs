namespace CareCoordination.Sdk.Privacy;

/// <summary>A legal ground to share without consent, recorded with its justification and flagged for review.</summary>
public enum LegalBasis
{
    /// <summary>A seriously threatening situation for the child (<em>ernstige bedreiging</em>), where asking consent would endanger the child or is impossible.</summary>
    SeriouslyThreateningSituation = 1,

    /// <summary>A child protection measure, such as a supervision order (OTS), that gives youth protection the task.</summary>
    ProtectionMeasure,
}
