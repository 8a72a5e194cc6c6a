using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Testing;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Plans;

/// <summary>A drafted plan with one goal and two actions: social work's debt counselling due in 14 days, and mental health care's feedback due in 21.</summary>
internal static class PlanScenario
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    public static readonly LocalDate Day0 = new(2026, 11, 23);
    public static readonly ProfessionalId Coordinator = new(211);
    public static readonly OrganisationId SocialWork = TestRegion.SocialWork;
    public static readonly OrganisationId MentalHealth = TestRegion.MentalHealthCareWithoutAgreement;

    public static Instant On(LocalDate day) => day.AtStartOfDayInZone(Amsterdam).ToInstant().Plus(Duration.FromHours(10));

    public static Instant On(int day) => On(Day0.PlusDays(day));

    public static FamilyPlan Drafted() =>
        FamilyPlan.Draft(new CaseId(1), Coordinator, SocialWork, Amsterdam, On(0))
            .SetGoal("The family has an overview of its debts", Coordinator, On(0))
            .AgreeAction(1, ActionKind.Help, "Debt counselling intake", SocialWork, new ProfessionalId(212), Day0.PlusDays(14), Coordinator, On(0))
            .AgreeAction(1, ActionKind.Feedback, "Report back on the parents' treatment", MentalHealth, new ProfessionalId(812), Day0.PlusDays(21), Coordinator, On(0))
            .RecordFamilyAgreement(FamilyMember.Parents, Coordinator, On(0));
}
