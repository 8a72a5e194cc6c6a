using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored event that a coordinator joined the desk's pool.</summary>
internal sealed record CoordinatorJoinedPool(CoordinatorId Id, ProfessionalId Professional, OrganisationId Organisation, TrainingLevel Training, decimal WeeklyHours)
{
    public static CoordinatorJoinedPool Of(CareCoordinator coordinator) =>
        new(coordinator.Id, coordinator.Professional, coordinator.Organisation, coordinator.Training, coordinator.WeeklyHours);

    public CareCoordinator ToCoordinator() => new(Id, Professional, Organisation, Training, WeeklyHours);
}
