using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Telemetry;

/// <summary>
/// The instruments of the reference index. Tag values are the enum names, cached as strings, so that recording
/// allocates nothing; with no listener attached an instrument only checks a flag.
/// </summary>
internal static class IndexMetrics
{
    private static readonly Meter Meter = new(CareCoordinationTelemetry.MeterName);
    private static readonly Counter<long> Registered = Meter.CreateCounter<long>(CareCoordinationTelemetry.SignalsRegistered, "{signal}");
    private static readonly Counter<long> Renewed = Meter.CreateCounter<long>(CareCoordinationTelemetry.SignalsRenewed, "{signal}");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>(CareCoordinationTelemetry.RegistrationsRefused, "{registration}");
    private static readonly Counter<long> Ended = Meter.CreateCounter<long>(CareCoordinationTelemetry.SignalsEnded, "{signal}");
    private static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>(CareCoordinationTelemetry.SignalsActive, "{signal}");
    private static readonly Counter<long> Matches = Meter.CreateCounter<long>(CareCoordinationTelemetry.MatchesFound, "{match}");

    private static readonly string[] RefusalNames = Names<RegistrationRefusal>();
    private static readonly string[] EndReasonNames = Names<SignalEndReason>();
    private static readonly string[] MatchKindNames = Names<MatchKind>();

    public static void SignalRegistered()
    {
        Registered.Add(1);
        Active.Add(1);
    }

    public static void SignalRenewed() => Renewed.Add(1);

    public static void RegistrationRefused(RegistrationRefusal refusal) =>
        Refused.Add(1, new KeyValuePair<string, object?>(CareCoordinationTelemetry.RefusalTag, RefusalNames[(int)refusal]));

    /// <summary>An active signal left the active index (archived or removed).</summary>
    public static void SignalEnded(SignalEndReason reason)
    {
        Ended.Add(1, new KeyValuePair<string, object?>(CareCoordinationTelemetry.EndReasonTag, EndReasonNames[(int)reason]));
        Active.Add(-1);
    }

    public static void MatchFound(MatchKind kind) =>
        Matches.Add(1, new KeyValuePair<string, object?>(CareCoordinationTelemetry.MatchKindTag, MatchKindNames[(int)kind]));

    public static void SignalsRestored(int count) => Active.Add(count);

    private static string[] Names<TEnum>()
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new string[values.Length + 1];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = value.ToString();
        }

        return names;
    }
}
