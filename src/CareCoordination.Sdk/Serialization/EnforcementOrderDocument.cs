using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The JSON form of an <see cref="EnforcementOrder"/>, read back through its validating constructor.</summary>
internal sealed record EnforcementOrderDocument(OrganisationId Provider, string Ordered, LocalDate By, ProfessionalId DecidedBy)
{
    public static EnforcementOrderDocument Of(EnforcementOrder order) => new(order.Provider, order.Ordered, order.By, order.DecidedBy);

    public EnforcementOrder ToOrder() => new(Provider, Ordered, By, DecidedBy);
}
