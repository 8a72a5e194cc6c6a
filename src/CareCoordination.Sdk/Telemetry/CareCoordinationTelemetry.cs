namespace CareCoordination.Sdk.Telemetry;

/// <summary>
/// The names under which CareCoordination.Sdk reports metrics and traces, for hosts that collect them (OpenTelemetry,
/// <c>dotnet-counters</c>). No tag, metric or name ever carries a BSN, a name or a date of birth.
/// </summary>
public static class CareCoordinationTelemetry
{
    /// <summary>The name of the one <see cref="System.Diagnostics.Metrics.Meter"/> of the SDK.</summary>
    public const string MeterName = "CareCoordination.Sdk";

    /// <summary>The name of the one <see cref="System.Diagnostics.ActivitySource"/> of the SDK, the same as the meter's.</summary>
    public const string ActivitySourceName = "CareCoordination.Sdk";

    /// <summary>The span of one registration or batch on the reference index, from its lock to its durable answer.</summary>
    public const string RegisterActivity = "carecoordination.register";

    /// <summary>The span of finding a registration's matches, inside <see cref="RegisterActivity"/>.</summary>
    public const string MatchActivity = "carecoordination.match";

    /// <summary>The span of one group commit: one store transaction for every operation queued, tagged with <see cref="GroupSizeTag"/>.</summary>
    public const string CommitActivity = "carecoordination.commit";

    /// <summary>The tag naming how many operations a group commit wrote in its one transaction.</summary>
    public const string GroupSizeTag = "carecoordination.commit.group_size";

    /// <summary>The tag naming how many registrations a register span holds (1, or a batch's size).</summary>
    public const string RegistrationCountTag = "carecoordination.register.count";

    /// <summary>Signals registered (new signals only). Unit: signals.</summary>
    public const string SignalsRegistered = "carecoordination.signals.registered";

    /// <summary>Signals renewed by a second registration of the same organisation. Unit: signals.</summary>
    public const string SignalsRenewed = "carecoordination.signals.renewed";

    /// <summary>Registrations refused, tagged with <see cref="RefusalTag"/>. Unit: registrations.</summary>
    public const string RegistrationsRefused = "carecoordination.registrations.refused";

    /// <summary>Signals that left the active index, tagged with <see cref="EndReasonTag"/>. Unit: signals.</summary>
    public const string SignalsEnded = "carecoordination.signals.ended";

    /// <summary>Active signals across the indexes of the process. Unit: signals.</summary>
    public const string SignalsActive = "carecoordination.signals.active";

    /// <summary>Matches found, tagged with <see cref="MatchKindTag"/>. Unit: matches.</summary>
    public const string MatchesFound = "carecoordination.matches.found";

    /// <summary>The tag naming why a registration was refused (a <see cref="Signals.RegistrationRefusal"/> name).</summary>
    public const string RefusalTag = "carecoordination.refusal";

    /// <summary>The tag naming why a signal ended (a <see cref="Signals.SignalEndReason"/> name).</summary>
    public const string EndReasonTag = "carecoordination.end_reason";

    /// <summary>The tag naming the kind of a match (a <see cref="Matching.MatchKind"/> name).</summary>
    public const string MatchKindTag = "carecoordination.match.kind";
}
