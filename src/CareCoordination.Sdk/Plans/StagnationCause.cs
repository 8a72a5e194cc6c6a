namespace CareCoordination.Sdk.Plans;

/// <summary>Why a family plan stalls (<em>oorzaak van stagnatie</em>), as the seed names them.</summary>
public enum StagnationCause
{
    /// <summary>An agreement was not kept: an action is overdue past the grace period (<em>afspraak niet nagekomen</em>).</summary>
    AgreementNotKept = 1,

    /// <summary>Feedback that was agreed was not given (<em>terugkoppeling blijft uit</em>).</summary>
    FeedbackNotGiven,

    /// <summary>A waiting list blocks an action (<em>wachtlijst</em>).</summary>
    WaitingList,

    /// <summary>Circumstances changed or a new crisis arose (<em>gewijzigde omstandigheden, nieuwe crisis</em>).</summary>
    ChangedCircumstances,

    /// <summary>A family member refuses further cooperation (<em>weigering van medewerking</em>).</summary>
    FamilyRefusesCooperation,
}
