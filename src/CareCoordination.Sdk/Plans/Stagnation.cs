using System.Collections.Generic;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>One reason a family plan stalls (<em>stagnatie</em>): its cause, the actions involved and since when.</summary>
/// <param name="Cause">The cause.</param>
/// <param name="Actions">The numbers of the actions involved; empty for a cause about the family or its circumstances.</param>
/// <param name="Since">Since when.</param>
/// <param name="Description">The cause in a sentence.</param>
public sealed record Stagnation(StagnationCause Cause, IReadOnlyList<int> Actions, LocalDate Since, string Description);
