using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Coordination;

/// <summary>A municipality with a social map: social work knows debt and housing, mental health care knows mental health and addiction, the CJG knows parenting and school.</summary>
internal sealed class DeskScenario
{
    public static readonly OrganisationId SocialWork = TestRegion.SocialWork;
    public static readonly OrganisationId MentalHealth = TestRegion.MentalHealthCareWithoutAgreement;
    public static readonly OrganisationId Cjg = TestRegion.YouthAndFamilyCentre;
    public static readonly OrganisationId YouthHealthCare = TestRegion.YouthHealthCare;
    public static readonly OrganisationId YouthProtection = TestRegion.YouthProtection;
    public static readonly OrganisationId School = TestRegion.School;

    private static readonly Bsn[] Bsns = TestBsns.Generate(64, seed: 11);
    private int _nextFamily;

    public DeskScenario(CoordinationPolicy? policy = null, FakeClock? clock = null, Sdk.Storage.IEventStreamStore? store = null)
    {
        Clock = clock ?? new FakeClock(IndexScenario.Start);
        Desk = new CoordinationDesk(policy ?? CoordinationPolicy.Default, CreateSocialMap(), Clock, store);
    }

    public FakeClock Clock { get; }

    public CoordinationDesk Desk { get; }

    public static SocialMap CreateSocialMap()
    {
        var contact = new ContactDetails("010-1234567", "intake@example.nl");
        return new SocialMap()
            .With(new SocialMapEntry(SocialWork, ["algemeen maatschappelijk werk", "schuldhulp"], ProblemDomains.Debt | ProblemDomains.Housing | ProblemDomains.Income | ProblemDomains.Parenting, ["Delft", "Rijswijk"], contact, "referrals by phone, weekdays"))
            .With(new SocialMapEntry(MentalHealth, ["jeugd-GGZ"], ProblemDomains.MentalHealth | ProblemDomains.Addiction, ["Delft"], contact, "referral by the GP"))
            .With(new SocialMapEntry(Cjg, ["opvoedondersteuning", "schoolmaatschappelijk werk"], ProblemDomains.Parenting | ProblemDomains.School, ["Delft"], contact, "walk-in Tuesday 9-12"))
            .With(new SocialMapEntry(YouthHealthCare, ["consultatiebureau"], ProblemDomains.Health | ProblemDomains.Parenting, ["Delft", "Rijswijk"], contact, "by appointment"));
    }

    public static ProfessionalId ProfessionalOf(OrganisationId organisation, int number) => new((organisation.Value * 100) + 10 + number);

    public Family NewFamily(int youths = 2)
    {
        var first = _nextFamily * 3;
        _nextFamily++;
        var family = Family.Create(new FamilyId(_nextFamily), Bsns.Skip(first).Take(youths), [Bsns[63 - _nextFamily]]);
        Desk.AddOrReplaceFamily(family);
        return family;
    }

    public CareCoordinator AddCoordinator(int id, OrganisationId organisation, TrainingLevel training = TrainingLevel.General, decimal hours = 4m)
    {
        var coordinator = new CareCoordinator(new CoordinatorId(id), ProfessionalOf(organisation, id), organisation, training, hours);
        Desk.AddCoordinator(coordinator);
        return coordinator;
    }

    public CaseId Open(Family family, IntakeRoute route = IntakeRoute.YouthAndFamilyCentre, OrganisationId? organisation = null) =>
        Desk.Intake(CaseIntake.ForFamily(route, family, organisation)).Case;

    public CaseId OpenWaitingCase(Family family, ProblemDomains domains, ProblemDomains core, bool safety = false, OrganisationId? organisation = null)
    {
        var id = Open(family, organisation: organisation);
        Desk.Assess(id, new CaseAssessment(domains, core, safety));
        return id;
    }

    public static Handover HandoverTo(OrganisationId youthProtection, params OrganisationId[] involved) =>
        new(youthProtection, YouthProtectionMeasure.SupervisionOrder, "OTS for one year; the school keeps its attendance plan.", involved, Duration.FromDays(42));
}
