using System.Collections.Generic;
using System.Text.Json.Serialization;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// The JSON form of a keyed registration's answer: who asked, what happened, the signal and its matches. Once the
/// answer's own signal is erased it becomes a tombstone (<paramref name="Removed"/>): youth 0 in the answer and its
/// signal, no matches, so that the key keeps refusing a second registration without keeping the erased youth.
/// </summary>
internal sealed record RememberedAnswerDocument(int Youth, int Organisation, RegistrationOutcome Outcome, RememberedSignalDocument Signal, IReadOnlyList<RememberedMatchDocument> Matches, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Removed = false);
