using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Coordination;

/// <summary>One parent organisation's share of coordination in the director's overview.</summary>
/// <param name="Organisation">The organisation.</param>
/// <param name="Coordinators">How many of its professionals are in the pool.</param>
/// <param name="Cases">How many cases its coordinators coordinate.</param>
/// <param name="WeeklyHours">Hours a week its coordinators have for coordination.</param>
/// <param name="HoursInUse">Hours a week their current cases take.</param>
/// <param name="HoursSpent">Hours recorded as spent on coordination by the organisation, over all cases.</param>
public sealed record OrganisationLoad(OrganisationId Organisation, int Coordinators, int Cases, decimal WeeklyHours, decimal HoursInUse, decimal HoursSpent)
{
    /// <summary>Gets the hours a week still free.</summary>
    public decimal FreeHours => WeeklyHours - HoursInUse;
}
