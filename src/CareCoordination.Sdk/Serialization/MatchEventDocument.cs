using CareCoordination.Sdk.Matching;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// The JSON form of a match found; like the signal events, it names signals and organisations, never youths. Once the
/// other signal is erased (unjustified, an upheld objection, an erasure request), its organisation and reporter are
/// blanked (<see langword="null"/>): the other party's record keeps that a match was found and when, not with whom.
/// </summary>
internal sealed record MatchEventDocument(
    MatchKind Kind,
    long Signal,
    long OtherSignal,
    int Organisation,
    int? OtherOrganisation,
    int Reporter,
    int? OtherReporter,
    int MatchCoordinator,
    int? Family,
    Instant FoundAt);
