using System;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The access rules' answer to one access: allowed, with the basis and the rule that allowed it, or refused, with the
/// rule that refused it and why.
/// </summary>
/// <remarks>Immutable. <c>default(AccessDecision)</c> is a refusal without a rule; the rules never return it.</remarks>
public readonly struct AccessDecision : IEquatable<AccessDecision>
{
    private AccessDecision(bool allowed, string rule, string reason, AccessBasis? basis, string? reference, bool flag)
    {
        IsAllowed = allowed;
        Rule = rule;
        Reason = reason;
        Basis = basis;
        BasisReference = reference;
        FlagForReview = flag;
    }

    /// <summary>Gets a value indicating whether the access is allowed.</summary>
    public bool IsAllowed { get; }

    /// <summary>Gets the rule that decided, for example <c>R1 own signals</c>.</summary>
    public string Rule { get; }

    /// <summary>Gets why, in a sentence a vendor can show.</summary>
    public string Reason { get; }

    /// <summary>Gets the basis of an allowed access.</summary>
    public AccessBasis? Basis { get; }

    /// <summary>Gets the consent or legal-basis record relied on, if any.</summary>
    public string? BasisReference { get; }

    /// <summary>Gets a value indicating whether a privacy officer must review the access (access without consent).</summary>
    public bool FlagForReview { get; }

    /// <summary>Throws when the access is refused.</summary>
    /// <returns>This decision, when allowed.</returns>
    /// <exception cref="AccessDeniedException">The access is refused.</exception>
    public AccessDecision ThrowIfRefused() => IsAllowed ? this : throw new AccessDeniedException(Rule, Reason);

    /// <inheritdoc/>
    public bool Equals(AccessDecision other) =>
        IsAllowed == other.IsAllowed && Rule == other.Rule && Reason == other.Reason && Basis == other.Basis && BasisReference == other.BasisReference && FlagForReview == other.FlagForReview;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AccessDecision other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsAllowed, Rule, Basis);

    /// <inheritdoc/>
    public override string ToString() => (IsAllowed ? "allowed by " : "refused by ") + Rule + ": " + Reason;

    /// <summary>Compares two decisions for equality.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AccessDecision left, AccessDecision right) => left.Equals(right);

    /// <summary>Compares two decisions for inequality.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AccessDecision left, AccessDecision right) => !left.Equals(right);

    internal static AccessDecision Allow(string rule, string reason, AccessBasis basis, string? reference = null, bool flag = false) => new(true, rule, reason, basis, reference, flag);

    internal static AccessDecision Refuse(string rule, string reason) => new(false, rule, reason, null, null, false);
}
