using System.Collections.Generic;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Coordination;

/// <summary>What an intake route hears back: which case handles the family, in which meeting, and whether the route opened it or joined it.</summary>
/// <param name="Case">The case.</param>
/// <param name="Opened">Whether this intake opened the case; otherwise it joined an open case.</param>
/// <param name="Meeting">The meeting that handles the case (<em>overleg</em>).</param>
/// <param name="Routes">Every route that has reached the case so far.</param>
/// <param name="Status">Where the case stands.</param>
public sealed record IntakeResult(CaseId Case, bool Opened, string Meeting, IReadOnlyList<IntakeRoute> Routes, CaseStatus Status);
