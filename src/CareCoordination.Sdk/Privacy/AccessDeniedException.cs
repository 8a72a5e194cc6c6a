namespace CareCoordination.Sdk.Privacy;

/// <summary>Thrown when the access rules refuse an access; says which rule refused and why. The refusal is in the audit trail.</summary>
public sealed class AccessDeniedException : PrivacyException
{
    internal AccessDeniedException(string rule, string reason)
        : base(Internal.Messages.Format(PrivacyMessages.AccessRefused, TitleOf(rule), reason))
    {
        Rule = rule;
        RuleTitle = TitleOf(rule);
        Reason = reason;
    }

    /// <summary>Gets the rule that refused, as the SDK names it everywhere (in the audit trail and the service's problem details): stable in every language, for example <c>R1 own signals</c>.</summary>
    public string Rule { get; }

    /// <summary>Gets the rule that refused as a professional reads it, in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, for example <c>R1 eigen signalen</c>.</summary>
    public string RuleTitle { get; }

    /// <summary>Gets why.</summary>
    public string Reason { get; }

    /// <summary>The rule's title in the current UI culture; a rule without a title (<c>no rule</c>) keeps its name.</summary>
    private static string TitleOf(string rule) => rule.Length > 2 && rule[0] == 'R' && char.IsAsciiDigit(rule[1]) && rule[2] == ' '
        ? PrivacyMessages.ResourceManager.GetString("Rule" + rule[..2], System.Globalization.CultureInfo.CurrentUICulture) ?? rule
        : rule;
}
