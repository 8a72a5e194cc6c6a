namespace CareCoordination.Sdk.Matching;

/// <summary>Domain event: a registration found a match (<em>match gevonden</em>).</summary>
/// <param name="Match">The match, seen from the new signal's side.</param>
public readonly record struct MatchFound(Match Match);
