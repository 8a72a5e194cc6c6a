using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Coordination;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Privacy;

/// <summary>
/// Sam, 13, signalled by youth health care and social work: the match opens a case, which social work's coordinator
/// coordinates. Every service shares one fake clock; every read goes through <see cref="PersonDataAccess"/>.
/// </summary>
internal sealed class PrivacyScenario
{
    public static readonly DateTimeZone Amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
    public static readonly Youth Sam = IndexScenario.YouthAged(TestBsns.First, 13);
    public static readonly OrganisationId SocialWork = TestRegion.SocialWork;
    public static readonly OrganisationId YouthHealthCare = TestRegion.YouthHealthCare;
    public static readonly OrganisationId School = TestRegion.School;
    public static readonly ProfessionalId CoordinatorProfessional = DeskScenario.ProfessionalOf(SocialWork, 1);

    public PrivacyScenario(RecordingObserver? recorder = null)
    {
        Clock = new FakeClock(IndexScenario.Start);
        Desk = new DeskScenario(clock: Clock);
        Obligations = new InformationObligations(ConsentPolicy.Default, Amsterdam, Clock);
        Index = new IndexScenario(observers: recorder is null ? [new ReferenceIndexIntake(Desk.Desk), Obligations] : [new ReferenceIndexIntake(Desk.Desk), Obligations, recorder], clock: Clock);
        Plans = new PlanBook(Desk.Desk, PlanPolicy.Default, Amsterdam, Clock);
        Consents = new ConsentRegister(ConsentPolicy.Default, Amsterdam, Clock);
        Audit = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, Clock);
        Rules = new AccessRules(Index.Index, Desk.Desk, Consents);
        Requests = new SubjectRequestBook(Clock);
        Access = new PersonDataAccess(Rules, Audit, Index.Index, Desk.Desk, Plans, Consents, Obligations, Requests, Clock);
        Notifier = new MatchNotifier(Index.Directory);
    }

    public FakeClock Clock { get; }

    public DeskScenario Desk { get; }

    public InformationObligations Obligations { get; }

    public IndexScenario Index { get; }

    public PlanBook Plans { get; }

    public ConsentRegister Consents { get; }

    public AuditTrail Audit { get; }

    public AccessRules Rules { get; }

    public SubjectRequestBook Requests { get; }

    public PersonDataAccess Access { get; }

    public MatchNotifier Notifier { get; }

    public static Actor ReporterOf(OrganisationId organisation) => new("user-" + organisation.Value, ActorRole.Reporter, organisation, TestRegion.ReporterOf(organisation), "Vendor client 4.2");

    public static Actor MatchedOf(OrganisationId organisation) => new("user-" + organisation.Value, ActorRole.MatchedProfessional, organisation, TestRegion.ReporterOf(organisation), "Vendor client 4.2");

    public static Actor Coordinator => new("coordinator-1", ActorRole.Coordinator, SocialWork, CoordinatorProfessional, "Vendor client 4.2");

    public static Actor Director => new("director", ActorRole.CoordinationDirector, TestRegion.YouthAndFamilyCentre, null, "Municipal dashboard");

    public static Actor Auditor => new("auditor", ActorRole.Auditor, TestRegion.YouthAndFamilyCentre, null, "Audit console");

    public static Actor Family => new("digid-verified-requester", ActorRole.DataSubject, null, null, "Municipal portal");

    /// <summary>Someone of the social work organisation in a role (the family for <see cref="ActorRole.DataSubject"/>), for a door that one role only may pass.</summary>
    public static Actor InRole(ActorRole role) => role == ActorRole.DataSubject
        ? Family
        : new("user-" + role, role, SocialWork, TestRegion.ReporterOf(SocialWork), "Vendor client 4.2");

    /// <summary>Registers both signals (the match opens the case) and assigns social work's coordinator.</summary>
    public CaseId Coordinated()
    {
        Index.Index.Register(IndexScenario.By(YouthHealthCare, Sam)).ThrowIfRefused();
        Index.Index.Register(IndexScenario.By(SocialWork, Sam)).ThrowIfRefused();
        Desk.AddCoordinator(1, SocialWork);
        var id = Desk.Desk.FindOpenCase(Sam.Bsn)!.Id;
        Desk.Desk.Assess(id, new CaseAssessment(ProblemDomains.Debt | ProblemDomains.Parenting, ProblemDomains.Debt, false));
        Desk.Desk.AssignCoordinator(id).ThrowIfRefused();
        return id;
    }
}
