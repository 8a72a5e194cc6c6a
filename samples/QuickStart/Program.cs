using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// The story: two siblings, three organisations that do not know of each other's involvement. The index keeps its
// signals, cases, plans, consents and audit trail in a SQLite file (the embedded default); run the sample twice to
// see them come back.
var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "carecoordination-quickstart.db");
using var store = new SqliteSignalStore(path);
using var services = new ServiceCollection()
    .AddSingleton<ISignalStore>(store)
    // The audit trail names persons by keyed pseudonym. A real host loads this key from its key vault; never a constant.
    .AddSingleton(new Pseudonymiser(System.Text.Encoding.UTF8.GetBytes("quickstart-demo-key-not-for-production-use")))
    .AddCareCoordination(options => options.Policy.Scope = CareCoordination.Sdk.Regions.ReportingScope.Narrow)
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var index = services.GetRequiredService<ReferenceIndex>();
var notifier = services.GetRequiredService<MatchNotifier>();
var access = services.GetRequiredService<PersonDataAccess>();

var jgz = AddOrganisation(index.Directory, 1, "JGZ Rivierenland", OrganisationKind.YouthHealthCare, "Anna de Vries");
var amw = AddOrganisation(index.Directory, 2, "Algemeen Maatschappelijk Werk", OrganisationKind.GeneralSocialWork, "Bram Jansen");
var bjz = AddOrganisation(index.Directory, 3, "Jeugdbescherming Gelderland", OrganisationKind.YouthProtection, "Carla Bakker");
var daycare = AddOrganisation(index.Directory, 4, "Kinderopvang Het Zonnetje", OrganisationKind.Daycare, "Eva Smit");

var sam = new Youth(Bsn.Parse("111222333"), new LocalDate(2017, 4, 12));
var sara = new Youth(Bsn.Parse("123456782"), new LocalDate(2022, 9, 3));

Console.WriteLine($"== The index in {path}");
if (index.ActiveSignalCount > 0)
{
    Console.WriteLine($"  {index.ActiveSignalCount} active signal(s) from an earlier run, rebuilt from the file; each organisation sees its own:");
    var own = new[] { jgz, amw, bjz }.SelectMany(o => new[] { sam.Bsn, sara.Bsn }.SelectMany(y => OwnSignals(ReporterActor(o), y)));
    foreach (var signal in own)
    {
        Console.WriteLine($"    {signal.Id} on youth {signal.Youth} by {index.Directory.GetOrganisation(signal.Organisation).Name}, registered {signal.RegisteredAt:uuuu-MM-ddTHH:mm:ss}Z, active until {signal.ExpiresOn:uuuu-MM-dd}");
    }
}
else
{
    Console.WriteLine("  empty: a first run");
}

index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [sam.Bsn, sara.Bsn], []));

Console.WriteLine();
Console.WriteLine("== Signals (only who, about whom, when — never the concern)");
Register(new SignalRegistration(sam, jgz, ReporterOf(jgz), ReportingCriterion.SeriousUpbringingProblems));
Register(new SignalRegistration(sara, amw, ReporterOf(amw), ReportingCriterion.FinancialProblems));
Register(new SignalRegistration(sam, bjz, ReporterOf(bjz), ReportingCriterion.ViolenceOrNeglect));

Console.WriteLine();
Console.WriteLine("== Refused registrations leave the index as it was");
try
{
    Bsn.Parse("123456789");
}
catch (InvalidBsnException error)
{
    Console.WriteLine($"  invalid BSN: {error.Message}");
}

var refused = index.Register(new SignalRegistration(sara, daycare, ReporterOf(daycare), ReportingCriterion.SeriousUpbringingProblems));
Console.WriteLine($"  {refused.Refusal}: {refused.Message}");
Console.WriteLine($"  active signals: {index.ActiveSignalCount} (run the sample again: they come back from the file, and signalling again renews them)");

Console.WriteLine();
Console.WriteLine("== Coordination: one family, one case, whichever route brings it in");
var desk = services.GetRequiredService<CoordinationDesk>();
var cjg = AddOrganisation(index.Directory, 5, "CJG Rivierenland", OrganisationKind.YouthAndFamilyCentre, "Dirk Visser");
var school = new OrganisationId(6);
desk.UpdateSocialMap(new SocialMap()
    .With(MapEntry(jgz, ["consultatiebureau", "opvoedadvies"], ProblemDomains.Parenting | ProblemDomains.Health))
    .With(MapEntry(amw, ["maatschappelijk werk", "schuldhulp"], ProblemDomains.Debt | ProblemDomains.Housing | ProblemDomains.Income))
    .With(MapEntry(cjg, ["opvoedondersteuning", "zorgcoördinatie"], ProblemDomains.Parenting | ProblemDomains.School)));
desk.AddOrReplaceFamily(Family.Create(new FamilyId(1), [sam.Bsn, sara.Bsn], []));
var director = new Actor("zorgregisseur", ActorRole.CoordinationDirector, cjg, null, "QuickStart");
if (desk.WhichCaseHandles(sam.Bsn) is { Status: CaseStatus.HandedOver } earlier)
{
    // A later run: the desk, the plans and the consents came back from the same file as the signals.
    Console.WriteLine($"  From an earlier run, rebuilt from the file: {earlier.Case} is {earlier.Status}, discussed in '{earlier.Meeting}', routes: {string.Join(", ", earlier.Routes)}");
    var (before, plansBefore) = access.GetOverview(director);
    Console.WriteLine($"  Pool: {string.Join(", ", before.Coordinators.Select(c => $"{c.Coordinator} {c.FreeHours} h free"))}; plans ever escalated: {plansBefore.PlansEverEscalated}, enforcement orders: {plansBefore.EnforcementOrders}");
    var reported = desk.RecordFeedback(earlier.Case, school);
    Console.WriteLine($"  Youth protection reports back to the school; next feedback due {reported.GetFeedbackDue().Single(d => d.Organisation == school).DueAt:uuuu-MM-dd} ({reported.History.Count} events in the case's history)");
    var (earlierTrail, earlierVerification) = access.GetAuditTrail(new Actor("privacy-officer", ActorRole.Auditor, cjg, null, "QuickStart"));
    Console.WriteLine($"  The privacy officer reads {earlierTrail.Count} audit records across the runs: {earlierVerification.Reason}");
    return;
}

desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), new ProfessionalId(511), cjg, TrainingLevel.General, weeklyHours: 4));
desk.AddCoordinator(new CareCoordinator(new CoordinatorId(2), new ProfessionalId(211), amw, TrainingLevel.Specialist, weeklyHours: 8));
Console.WriteLine("  Social map, who helps with debts: " + string.Join(", ", desk.SocialMap.Search(ProblemDomains.Debt, "Tiel").Select(e => index.Directory.GetOrganisation(e.Organisation).Name)));

var caseId = desk.WhichCaseHandles(sam.Bsn) is { } fromMatch
    ? fromMatch.Case
    : desk.Intake(CaseIntake.ForYouths(IntakeRoute.YouthAndFamilyCentre, [sam.Bsn], cjg)).Case;
var opened = desk.WhichCaseHandles(sam.Bsn)!;
Console.WriteLine(opened.Routes.Contains(IntakeRoute.ReferenceIndex)
    ? $"  The match opened {caseId} through the index route, discussed in '{opened.Meeting}'"
    : $"  No match opened a case, so the CJG brings the family in: {caseId}");
var viaSchool = desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [sara.Bsn], school, "ZAT Basisschool De Linde"));
Console.WriteLine($"  The school's care team (ZAT) brings in Sara: {(viaSchool.Opened ? "opened" : "joined")} {viaSchool.Case}, handled in '{viaSchool.Meeting}'; routes: {string.Join(", ", viaSchool.Routes)}");

var decision = desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
Console.WriteLine($"  Tier: {decision.Tier}, because:");
foreach (var reason in decision.Reasons)
{
    Console.WriteLine($"    - {reason}");
}

var assignment = desk.AssignCoordinator(caseId).ThrowIfRefused();
Console.WriteLine($"  Coordinator: {assignment.Coordinator} of {index.Directory.GetOrganisation(assignment.Organisation!.Value).Name} — {assignment.Reason}");

Console.WriteLine();
Console.WriteLine("== One family, one plan");
var plans = services.GetRequiredService<PlanBook>();
var bram = ReporterOf(amw);
var today = plans.Today;
var plan = plans.Draft(caseId, bram, amw);
plan = plans.Change(caseId, plan.Version, (p, at) => p
    .SetGoal("The parents have an overview of their debts and a payment plan", bram, at)
    .SetGoal("Sam goes to school every day", bram, at)
    .AgreeAction(1, ActionKind.Help, "Debt counselling intake", amw, bram, today.PlusDays(14), bram, at)
    .AgreeAction(2, ActionKind.Help, "Parenting support at home", jgz, ReporterOf(jgz), today.PlusDays(21), bram, at)
    .RecordAgreement("JGZ and AMW visit together once a month", [jgz, amw], bram, at)
    .RecordFamilyAgreement(FamilyMember.Parents, bram, at));
Console.WriteLine($"  Drafted with the parents: {plan.Goals.Count} goals, {plan.Actions.Count} actions, parents agreed {plan.FamilyAgreement.ContainsKey(FamilyMember.Parents)}");
plan = plans.Change(caseId, plan.Version, (p, at) => p.CompleteAction(1, bram, at));
foreach (var day in new[] { 30, 45, 60 })
{
    foreach (var moved in plans.AdvanceEscalations(bram, today.PlusDays(day)))
    {
        var step = moved.History.OfType<CareCoordination.Sdk.Plans.Events.EscalationStepped>().Last();
        Console.WriteLine($"  Day {day}: escalated to {step.To} ({step.Trigger}), deadline {step.Deadline:uuuu-MM-dd}: {step.Reason}");
    }
}

var coordinatorActor = new Actor("amw-coordinator", ActorRole.Coordinator, amw, new ProfessionalId(211), "QuickStart");
plan = access.GetPlan(coordinatorActor, caseId)!;
var alderman = new ProfessionalId(9001);
plan = plans.Change(caseId, plan.Version, (p, at) => p.OrderEnforcement(new EnforcementOrder(jgz, "Start the parenting support within one week", today.PlusDays(67), alderman), alderman, at));
Console.WriteLine($"  The municipality uses its enforcement power: {plan.EnforcementOrders[^1]}");
plan = plans.Change(caseId, plan.Version, (p, at) => p.CompleteAction(2, ReporterOf(jgz), at));
var movedAgain = plans.AdvanceEscalations(bram, today.PlusDays(66));
Console.WriteLine($"  Parenting support started: the plan moves again, escalation {movedAgain.Single().Escalation} (ever escalated: {movedAgain.Single().WasEverEscalated})");

Console.WriteLine();
Console.WriteLine("== Privacy: every read goes through the access rules and leaves an audit record");
var kindergarten = new Actor("zonnetje-user", ActorRole.Reporter, daycare, ReporterOf(daycare), "QuickStart");
Try(() => access.GetSignals(kindergarten, sam.Bsn).Count);
Try(() => access.GetSignals(coordinatorActor, sam.Bsn).Count);
var consents = services.GetRequiredService<ConsentRegister>();
var consent = consents.Give(sam, ConsentPurpose.Coordination, [amw], ConsentGiver.Parents);
Console.WriteLine($"  Sam is {Period.Between(sam.DateOfBirth, today, PeriodUnits.Years).Years}: the parents consent to coordination ({consent.Reference})");
Console.WriteLine($"  The coordinator now sees {access.GetSignals(coordinatorActor, sam.Bsn).Count} signals on Sam");
var (coordinationOverview, planOverview) = access.GetOverview(director);
Console.WriteLine($"  The director sees aggregates: {coordinationOverview.OpenCasesPerTier[CoordinationTier.Specialist]} specialist case(s), {planOverview.PlansEverEscalated} plan(s) ever escalated, {planOverview.EnforcementOrders} enforcement order(s)");
var subjectAccess = access.SubjectAccess(new Actor("parent-verified-by-digid", ActorRole.DataSubject, null, null, "Municipal portal"), sam, ConsentGiver.Parents);
using (var document = System.Text.Json.JsonDocument.Parse(subjectAccess))
{
    Console.WriteLine($"  Sam's parents ask for access: {document.RootElement.GetProperty("activeSignals").GetArrayLength()} signals, {document.RootElement.GetProperty("matches").GetArrayLength()} matches, {document.RootElement.GetProperty("accessLog").GetArrayLength()} logged accesses ({subjectAccess.Length} characters of JSON)");
}

var (trail, verification) = access.GetAuditTrail(new Actor("privacy-officer", ActorRole.Auditor, cjg, null, "QuickStart"));
Console.WriteLine($"  The privacy officer reads {trail.Count} audit records: {verification.Reason}; {trail.Count(r => r.FlaggedForReview)} flagged for review");

Console.WriteLine();
Console.WriteLine("== Later: a supervision order (OTS) for Sam");
var withMeasure = desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt | ProblemDomains.Safety, ProblemDomains.Safety, true, YouthProtectionMeasure.SupervisionOrder));
Console.WriteLine($"  {withMeasure.Reasons[^1]}");
var handedOver = desk.HandOverToYouthProtection(caseId, new Handover(bjz, YouthProtectionMeasure.SupervisionOrder, "OTS for one year; AMW keeps the debt counselling, JGZ the check-ups.", [jgz, amw, school], Duration.FromDays(42)));
Console.WriteLine($"  {caseId} is {handedOver.Status} to {index.Directory.GetOrganisation(bjz).Name}; the coordinator is free again");
foreach (var due in handedOver.GetFeedbackDue())
{
    Console.WriteLine($"    feedback to {(due.Organisation == school ? "the school" : index.Directory.GetOrganisation(due.Organisation).Name)} due {due.DueAt:uuuu-MM-dd}");
}

var overview = access.GetOverview(director).Coordination;
Console.WriteLine($"  Director's overview: {overview.OpenCasesPerStatus[CaseStatus.HandedOver]} case handed over, {overview.Waiting.Count} waiting, free hours per coordinator: {string.Join(", ", overview.Coordinators.Select(c => $"{c.Coordinator} {c.FreeHours} h"))}");

IReadOnlyList<Signal> OwnSignals(Actor reporter, Bsn youth)
{
    try
    {
        return access.GetSignals(reporter, youth);
    }
    catch (AccessDeniedException)
    {
        return [];
    }
}

Actor ReporterActor(OrganisationId organisation) => new($"reporter-{organisation.Value}", ActorRole.Reporter, organisation, ReporterOf(organisation), "QuickStart");

void Try(Func<int> read)
{
    try
    {
        Console.WriteLine($"  allowed: {read()} signal(s)");
    }
    catch (AccessDeniedException error)
    {
        Console.WriteLine($"  refused: {error.Message}");
    }
}

void Register(SignalRegistration registration)
{
    var result = index.Register(registration);
    result.ThrowIfRefused();
    var organisation = index.Directory.GetOrganisation(registration.Organisation);
    Console.WriteLine($"  {organisation.Name} signals on {registration.Youth}: {result.Outcome}, {result.MatchCount} match(es)");
    foreach (var match in result.Matches)
    {
        var coordinator = index.Directory.GetOrganisation(match.MatchCoordinator);
        Console.WriteLine($"    {match.Kind} match with {index.Directory.GetOrganisation(match.OtherOrganisation).Name}; coordinated by {coordinator.Name}");
        foreach (var notification in notifier.CreateNotifications(match))
        {
            var recipient = $"{notification.Role} at {index.Directory.GetOrganisation(notification.RecipientOrganisation).Name} ({notification.RecipientContact.Email})";
            var sibling = notification.ConcernsDifferentYouths ? " (about a sibling)" : string.Empty;
            Console.WriteLine(notification.Role == NotificationRecipientRole.MatchCoordinator
                ? $"      {recipient} makes sure {notification.OtherParties[0].ProfessionalName} and {notification.OtherParties[1].ProfessionalName} contact each other{sibling}"
                : $"      {recipient} contacts {notification.OtherParties[0].ProfessionalName}, {notification.OtherParties[0].OrganisationName}, {notification.OtherParties[0].Contact}{sibling}");
        }
    }
}

static OrganisationId AddOrganisation(OrganisationDirectory directory, int number, string name, OrganisationKind kind, string reporter)
{
    var id = new OrganisationId(number);
    directory.AddOrReplace(new Organisation(id, name, kind, new ContactDetails($"+31 30 000 00{number}", $"info@org{number}.example"), hasMunicipalAgreement: true));
    directory.AddOrReplace(new Professional(ReporterOf(id), id, reporter, new ContactDetails($"+31 6 0000 00{number}", $"{reporter.Split(' ')[0].ToLowerInvariant()}@org{number}.example"), isDesignatedReporter: true));
    return id;
}

static SocialMapEntry MapEntry(OrganisationId organisation, string[] services, ProblemDomains expertise) =>
    new(organisation, services, expertise, ["Tiel", "Culemborg"], new ContactDetails($"+31 30 000 00{organisation.Value}", $"intake@org{organisation.Value}.example"), "referrals by phone on weekdays");

static ProfessionalId ReporterOf(OrganisationId organisation) => new((organisation.Value * 100) + 1);
