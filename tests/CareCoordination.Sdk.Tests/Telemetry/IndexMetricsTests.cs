using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Telemetry;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Telemetry;

[Collection(nameof(MeterIsolation))]
public sealed class IndexMetricsTests
{
    [Fact]
    public void Registrations_renewals_refusals_matches_and_endings_are_counted_with_tags_that_name_no_person()
    {
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CareCoordinationTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => t.Key + "=" + t.Value)))));
        listener.Start();

        var scenario = new IndexScenario();
        var youth = IndexScenario.YouthAged(TestBsns.First, 8);
        scenario.Register(TestRegion.School, youth);
        scenario.Register(TestRegion.SocialWork, youth);
        scenario.Register(TestRegion.School, youth);
        scenario.Register(TestRegion.HousingCorporation, youth);
        scenario.Index.Withdraw(TestBsns.First, TestRegion.School, WithdrawalReason.RiskGone);

        var seen = measurements.ToList();
        Assert.Equal(2, Sum(seen, CareCoordinationTelemetry.SignalsRegistered));
        Assert.Equal(1, Sum(seen, CareCoordinationTelemetry.SignalsRenewed));
        Assert.Equal(1, Sum(seen, CareCoordinationTelemetry.SignalsActive));
        Assert.Contains((CareCoordinationTelemetry.MatchesFound, 1L, CareCoordinationTelemetry.MatchKindTag + "=SameYouth"), seen);
        Assert.Contains((CareCoordinationTelemetry.RegistrationsRefused, 1L, CareCoordinationTelemetry.RefusalTag + "=OrganisationNotAuthorised"), seen);
        Assert.Contains((CareCoordinationTelemetry.SignalsEnded, 1L, CareCoordinationTelemetry.EndReasonTag + "=RiskGone"), seen);
        Assert.All(seen, m => Assert.DoesNotContain(TestBsns.First.RevealDigits(), m.Tags, StringComparison.Ordinal));
    }

    private static long Sum(List<(string Instrument, long Value, string Tags)> seen, string instrument) =>
        seen.Where(m => m.Instrument == instrument).Sum(m => m.Value);
}
