namespace CareCoordination.Sdk.Privacy;

/// <summary>The role in which someone reads or changes a person's data; the access rules decide per role.</summary>
public enum ActorRole
{
    /// <summary>A professional of a reporting organisation (<em>melder</em>): sees the organisation's own signals.</summary>
    Reporter = 1,

    /// <summary>A professional whose organisation is matched with another (<em>gematchte hulpverlener</em>): sees the other parties' contact details and nothing more.</summary>
    MatchedProfessional,

    /// <summary>The case's coordinator or case holder (<em>zorgcoördinator</em>, <em>casushouder</em>): sees the case and the plan, and shared details as far as consent reaches.</summary>
    Coordinator,

    /// <summary>The municipality's coordination director (<em>zorgregisseur</em>): sees aggregates without BSN, and assigns coordinators (R13).</summary>
    CoordinationDirector,

    /// <summary>An auditor or privacy officer (<em>functionaris gegevensbescherming</em>): sees the audit trail.</summary>
    Auditor,

    /// <summary>The youth or a parent, exercising the right of access (<em>inzagerecht</em>) after the vendor verified their identity.</summary>
    DataSubject,

    /// <summary>The municipality's feed from the population register (<em>BRP-koppeling</em>): records and changes families, and reads nothing.</summary>
    PopulationRegisterFeed,
}
