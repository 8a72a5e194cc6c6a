using System.Text.Json;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

public sealed class StoredEventTests
{
    private static readonly Instant FoundAt = Instant.FromUtc(2026, 11, 23, 9, 0);

    [Fact]
    public void A_kept_match_event_no_longer_names_the_erased_partys_organisation_or_reporter()
    {
        var stored = new StoredEvent(new SignalId(2), new SignalId(1), "MatchFound", 1, FoundAt, """{"Kind":"Family","Signal":2,"OtherSignal":1,"Organisation":2,"OtherOrganisation":1,"Reporter":201,"OtherReporter":101,"MatchCoordinator":2,"Family":1,"FoundAt":"2026-11-23T09:00:00Z"}""");

        var kept = EventDocuments.ReadMatchEvent(stored.WithoutErasedParty());

        Assert.Equal(new MatchEventDocument(MatchKind.Family, 2, 1, 2, null, 201, null, 2, 1, FoundAt), kept);
    }

    [Fact]
    public void Any_other_event_is_kept_as_it_is()
    {
        var stored = new StoredEvent(new SignalId(2), null, "SignalRegistered", 1, FoundAt, """{"Signal":2}""");

        Assert.Same(stored, stored.WithoutErasedParty());
    }

    [Fact]
    public void A_match_event_that_is_no_json_object_is_refused_with_a_json_error()
    {
        var stored = new StoredEvent(new SignalId(2), new SignalId(1), "MatchFound", 1, FoundAt, "[]");

        Assert.ThrowsAny<JsonException>(() => stored.WithoutErasedParty());
    }
}
