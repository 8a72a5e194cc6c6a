using System.Collections.Generic;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// Problem domains (<em>leefgebieden</em>) as a professional reads them in a tier or selection reason: named in
/// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> (<em>opvoeding, schulden</em>), not as enum names.
/// </summary>
internal static class ProblemDomainText
{
    private static readonly (ProblemDomains Domain, System.Func<string> Name)[] Names =
    [
        (ProblemDomains.Parenting, () => CoordinationMessages.DomainParenting),
        (ProblemDomains.Debt, () => CoordinationMessages.DomainDebt),
        (ProblemDomains.Housing, () => CoordinationMessages.DomainHousing),
        (ProblemDomains.MentalHealth, () => CoordinationMessages.DomainMentalHealth),
        (ProblemDomains.Addiction, () => CoordinationMessages.DomainAddiction),
        (ProblemDomains.School, () => CoordinationMessages.DomainSchool),
        (ProblemDomains.Safety, () => CoordinationMessages.DomainSafety),
        (ProblemDomains.Health, () => CoordinationMessages.DomainHealth),
        (ProblemDomains.Income, () => CoordinationMessages.DomainIncome),
        (ProblemDomains.Justice, () => CoordinationMessages.DomainJustice),
        (ProblemDomains.Disability, () => CoordinationMessages.DomainDisability),
    ];

    /// <summary>Names the domains, in the enum's order, separated by commas.</summary>
    public static string Of(ProblemDomains domains)
    {
        var names = new List<string>();
        foreach (var (domain, name) in Names)
        {
            if ((domains & domain) != 0)
            {
                names.Add(name());
            }
        }

        return names.Count == 0 ? CoordinationMessages.DomainNone : string.Join(", ", names);
    }
}
