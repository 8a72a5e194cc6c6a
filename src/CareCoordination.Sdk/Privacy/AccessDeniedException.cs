namespace CareCoordination.Sdk.Privacy;

/// <summary>Thrown when the access rules refuse an access; says which rule refused and why. The refusal is in the audit trail.</summary>
public sealed class AccessDeniedException : PrivacyException
{
    internal AccessDeniedException(string rule, string reason)
        : base(Internal.Messages.Format(PrivacyMessages.AccessRefused, rule, reason))
    {
        Rule = rule;
        Reason = reason;
    }

    /// <summary>Gets the rule that refused.</summary>
    public string Rule { get; }

    /// <summary>Gets why.</summary>
    public string Reason { get; }
}
