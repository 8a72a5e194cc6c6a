namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The route by which a concern reaches coordination (<em>meldroute</em>, <em>ingang</em>). It belongs to the coordination
/// case (<see cref="CoordinationCase.Routes"/>), never to a signal: the law lets a signal hold only who, about whom, when
/// and until when.
/// </summary>
public enum IntakeRoute
{
    /// <summary>Through the reference index itself (<em>Verwijsindex</em>).</summary>
    ReferenceIndex = 1,

    /// <summary>Through the centre for youth and family (<em>CJG</em>).</summary>
    YouthAndFamilyCentre,

    /// <summary>Through a care network such as a school's care-and-advice team (<em>zorgnetwerk</em>, ZAT).</summary>
    CareNetwork,

    /// <summary>Through the justice network (<em>justitieel netwerk</em>, Veiligheidshuis).</summary>
    JusticeNetwork,

    /// <summary>The family itself asked for help (<em>eigen melding</em>).</summary>
    FamilySelfReferral,
}
