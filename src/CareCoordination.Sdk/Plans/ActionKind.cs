namespace CareCoordination.Sdk.Plans;

/// <summary>What an action of a family plan is: help for the family, or feedback to the other professionals.</summary>
public enum ActionKind
{
    /// <summary>Help the owning organisation gives (<em>hulpactie</em>); overdue means an agreement was not kept.</summary>
    Help = 1,

    /// <summary>Reporting back to the other professionals (<em>terugkoppeling</em>); overdue means feedback was not given.</summary>
    Feedback,
}
