using System;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The answer to assigning a coordinator to a case: who took it and why, or — when nobody could — why not, while the
/// case keeps waiting.
/// </summary>
/// <remarks>Immutable. <c>default(AssignmentDecision)</c> is not a decision; the desk never returns it.</remarks>
public readonly struct AssignmentDecision : IEquatable<AssignmentDecision>
{
    private AssignmentDecision(CaseId @case, CoordinatorId? coordinator, OrganisationId? organisation, bool fallback, string reason)
    {
        Case = @case;
        Coordinator = coordinator;
        Organisation = organisation;
        IsFallback = fallback;
        Reason = reason;
    }

    /// <summary>Gets the case.</summary>
    public CaseId Case { get; }

    /// <summary>Gets a value indicating whether a coordinator took the case.</summary>
    public bool IsAssigned => Coordinator is not null;

    /// <summary>Gets the coordinator who took the case, if any.</summary>
    public CoordinatorId? Coordinator { get; }

    /// <summary>Gets the coordinator's parent organisation, if any.</summary>
    public OrganisationId? Organisation { get; }

    /// <summary>Gets a value indicating whether the coordinator came from another organisation because the preferred ones could not staff the case.</summary>
    public bool IsFallback { get; }

    /// <summary>Gets why this coordinator, or why nobody.</summary>
    public string Reason { get; }

    /// <summary>Throws when nobody could take the case.</summary>
    /// <returns>This decision, when a coordinator took the case.</returns>
    /// <exception cref="NoCoordinatorAvailableException">Nobody could take the case.</exception>
    public AssignmentDecision ThrowIfRefused() => IsAssigned ? this : throw new NoCoordinatorAvailableException(Case, Reason);

    /// <inheritdoc/>
    public bool Equals(AssignmentDecision other) =>
        Case == other.Case && Coordinator == other.Coordinator && Organisation == other.Organisation && IsFallback == other.IsFallback && Reason == other.Reason;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AssignmentDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Case, Coordinator, IsFallback);

    /// <inheritdoc/>
    public override string ToString() => IsAssigned ? $"{Case} → {Coordinator}: {Reason}" : $"{Case} waits: {Reason}";

    /// <summary>Compares two decisions for equality.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AssignmentDecision left, AssignmentDecision right) => left.Equals(right);

    /// <summary>Compares two decisions for inequality.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AssignmentDecision left, AssignmentDecision right) => !left.Equals(right);

    internal static AssignmentDecision Assigned(CaseId @case, CareCoordinator coordinator, bool fallback, string reason) =>
        new(@case, coordinator.Id, coordinator.Organisation, fallback, reason);

    internal static AssignmentDecision Refused(CaseId @case, string reason) => new(@case, null, null, false, reason);
}
