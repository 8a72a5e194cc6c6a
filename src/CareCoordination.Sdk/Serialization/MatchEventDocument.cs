using CareCoordination.Sdk.Matching;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The JSON form of a match found; like the signal events, it names signals and organisations, never youths.</summary>
internal sealed record MatchEventDocument(
    MatchKind Kind,
    long Signal,
    long OtherSignal,
    int Organisation,
    int OtherOrganisation,
    int Reporter,
    int OtherReporter,
    int MatchCoordinator,
    int? Family,
    Instant FoundAt);
