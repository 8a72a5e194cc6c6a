using System;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The problem domains (<em>leefgebieden</em>, <em>probleemgebieden</em>) in which a family needs help and in which an
/// organisation on the social map has expertise. Combine them with <c>|</c>.
/// </summary>
[Flags]
public enum ProblemDomains
{
    /// <summary>No domain.</summary>
    None = 0,

    /// <summary>Parenting and upbringing (<em>opvoeding</em>).</summary>
    Parenting = 1 << 0,

    /// <summary>Debts and money (<em>schulden</em>).</summary>
    Debt = 1 << 1,

    /// <summary>Housing (<em>huisvesting</em>).</summary>
    Housing = 1 << 2,

    /// <summary>Mental health (<em>psychische gezondheid</em>).</summary>
    MentalHealth = 1 << 3,

    /// <summary>Addiction (<em>verslaving</em>).</summary>
    Addiction = 1 << 4,

    /// <summary>School, absence and dropout (<em>school</em>, <em>verzuim</em>).</summary>
    School = 1 << 5,

    /// <summary>Safety at home: violence, abuse, neglect (<em>veiligheid</em>, <em>huiselijk geweld</em>).</summary>
    Safety = 1 << 6,

    /// <summary>Physical health and development (<em>gezondheid</em>).</summary>
    Health = 1 << 7,

    /// <summary>Work and income (<em>werk en inkomen</em>).</summary>
    Income = 1 << 8,

    /// <summary>Crime and justice (<em>justitie</em>).</summary>
    Justice = 1 << 9,

    /// <summary>Disability (<em>beperking</em>), the field of MEE.</summary>
    Disability = 1 << 10,
}
