using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Coordination;

/// <summary>One coordinator's caseload in the director's overview.</summary>
/// <param name="Coordinator">The coordinator.</param>
/// <param name="Organisation">The parent organisation.</param>
/// <param name="Training">The training level.</param>
/// <param name="Cases">How many cases the coordinator coordinates.</param>
/// <param name="WeeklyHours">Hours a week available for coordination.</param>
/// <param name="HoursInUse">Hours a week the current cases take.</param>
public sealed record CoordinatorLoad(CoordinatorId Coordinator, OrganisationId Organisation, TrainingLevel Training, int Cases, decimal WeeklyHours, decimal HoursInUse)
{
    /// <summary>Gets the hours a week still free.</summary>
    public decimal FreeHours => WeeklyHours - HoursInUse;
}
