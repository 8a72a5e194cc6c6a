using System.Collections.Generic;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The JSON form of a keyed registration's answer: who asked, what happened, the signal and its matches.</summary>
internal sealed record RememberedAnswerDocument(int Youth, int Organisation, RegistrationOutcome Outcome, RememberedSignalDocument Signal, IReadOnlyList<RememberedMatchDocument> Matches);
