namespace CareCoordination.Sdk.Coordination;

/// <summary>Thrown by <see cref="AssignmentDecision.ThrowIfRefused"/> when nobody in the pool could take a case; the message says why.</summary>
public sealed class NoCoordinatorAvailableException : CoordinationException
{
    internal NoCoordinatorAvailableException(CaseId @case, string reason)
        : base(Internal.Messages.Format(CoordinationMessages.NoCoordinatorAvailable, @case, reason))
    {
        Case = @case;
        Reason = reason;
    }

    /// <summary>Gets the case.</summary>
    public CaseId Case { get; }

    /// <summary>Gets why nobody could take it.</summary>
    public string Reason { get; }
}
