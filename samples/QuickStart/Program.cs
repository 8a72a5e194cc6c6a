using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
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
// see them come back. The file lives in the working folder, so each checkout (and each user) has its own, and
// deleting it with its .checkpoints file starts the story over; a path as the first argument puts it elsewhere.
var path = Path.GetFullPath(args.Length > 0 ? args[0] : "quickstart.db");
using var store = new SqliteSignalStore(path);
using var services = new ServiceCollection()
    .AddSingleton<ISignalStore>(store)
    // The audit trail names persons by keyed pseudonym and chains its records under a second key. A real host loads both
    // keys (32 random bytes each) from its key vault; never a constant, and never a passphrase (docs/security.md).
    .AddSingleton(new Pseudonymiser(System.Security.Cryptography.SHA256.HashData("quickstart-demo-pseudonymiser-not-for-production-use"u8)))
    .AddSingleton(new AuditChainKey(System.Security.Cryptography.SHA256.HashData("quickstart-demo-audit-chain-not-for-production-use"u8)))
    // The trail's signed checkpoints go outside the store; a real host puts them on another volume or in a shipped log.
    .AddSingleton<IAuditCheckpointSink>(new FileAuditCheckpointSink(path + ".checkpoints"))
    .AddCareCoordination(options => options.Policy.Scope = CareCoordination.Sdk.Regions.ReportingScope.Narrow)
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var index = services.GetRequiredService<ReferenceIndex>();
var notifier = services.GetRequiredService<MatchNotifier>();
var access = services.GetRequiredService<PersonDataAccess>();
var desk = services.GetRequiredService<CoordinationDesk>();
var school = new OrganisationId(6); // a school's care team brings a case in; the school itself does not signal here

var jgz = AddOrganisation(index.Directory, 1, "JGZ Rivierenland", OrganisationKind.YouthHealthCare, "Anna de Vries");
var amw = AddOrganisation(index.Directory, 2, "Algemeen Maatschappelijk Werk", OrganisationKind.GeneralSocialWork, "Bram Jansen");
var bjz = AddOrganisation(index.Directory, 3, "Jeugdbescherming Gelderland", OrganisationKind.YouthProtection, "Carla Bakker");
var daycare = AddOrganisation(index.Directory, 4, "Kinderopvang Het Zonnetje", OrganisationKind.Daycare, "Eva Smit");

var sam = new Youth(Bsn.Parse("111222333"), new LocalDate(2017, 4, 12));
var sara = new Youth(Bsn.Parse("123456782"), new LocalDate(2022, 9, 3));

// The SDK names people and organisations by identifier and a youth by masked BSN; a vendor's screen puts the names in.
var names = new Dictionary<Bsn, string> { [sam.Bsn] = "Sam", [sara.Bsn] = "Sara" };

Say($"== The index in {Path.GetFileName(path)} ({(Path.GetDirectoryName(path) == Environment.CurrentDirectory ? "the working folder" : Path.GetDirectoryName(path))})");
if (index.ActiveSignalCount > 0)
{
    Say($"  {index.ActiveSignalCount} active signals from an earlier run, rebuilt from the file; each organisation sees its own:");
    var own = new[] { jgz, amw, bjz }.SelectMany(o => new[] { sam.Bsn, sara.Bsn }.SelectMany(y => OwnSignals(ReporterActor(o), y)));
    foreach (var signal in own)
    {
        Say($"    {Name(signal.Organisation)} on {YouthName(signal.Youth)}: registered {signal.RegisteredAt:uuuu-MM-dd HH:mm} UTC, "
            + $"active until {signal.ExpiresOn:uuuu-MM-dd}");
    }
}
else
{
    Say("  empty: a first run (delete the file to start over)");
}

index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [sam.Bsn, sara.Bsn], []));

Console.WriteLine();
Say("== Signals (signalen: only who, about whom, when — never the concern)");
Register(new SignalRegistration(sam, jgz, ReporterOf(jgz), ReportingCriterion.SeriousUpbringingProblems));
Register(new SignalRegistration(sara, amw, ReporterOf(amw), ReportingCriterion.FinancialProblems));
Register(new SignalRegistration(sam, bjz, ReporterOf(bjz), ReportingCriterion.ViolenceOrNeglect));

Console.WriteLine();
Say("== Refused registrations leave the index as it was");
try
{
    Bsn.Parse("123456789");
}
catch (InvalidBsnException error)
{
    Say($"  Invalid BSN: {error.Message}");
}

var refused = index.Register(new SignalRegistration(sara, daycare, ReporterOf(daycare), ReportingCriterion.SeriousUpbringingProblems));
// The refusal is a value to act on; the screen words it (refused.Message holds the SDK's own English sentence).
Say($"  {Describe(refused.Refusal)}: {Name(daycare)} may not signal in this region; "
    + $"it signals through {Describe(index.Policy.DelegateFor(OrganisationKind.Daycare)!.Value)} (melden via)");
Say($"  Active signals: {index.ActiveSignalCount} (run the sample again: they come back from the file, and signalling again renews them)");

Console.WriteLine();
Say("== Coordination: one family, one case, whichever route brings it in");
var cjg = AddOrganisation(index.Directory, 5, "CJG Rivierenland", OrganisationKind.YouthAndFamilyCentre, "Dirk Visser");
desk.UpdateSocialMap(new SocialMap()
    .With(MapEntry(jgz, ["consultatiebureau", "opvoedadvies"], ProblemDomains.Parenting | ProblemDomains.Health))
    .With(MapEntry(amw, ["maatschappelijk werk", "schuldhulp"], ProblemDomains.Debt | ProblemDomains.Housing | ProblemDomains.Income))
    .With(MapEntry(cjg, ["opvoedondersteuning", "zorgcoördinatie"], ProblemDomains.Parenting | ProblemDomains.School)));
var family = Family.Create(new FamilyId(1), [sam.Bsn, sara.Bsn], []);
desk.AddOrReplaceFamily(family);
var director = new Actor("zorgregisseur", ActorRole.CoordinationDirector, cjg, null, "QuickStart");
// The coordinators are professionals of their organisations; the pool itself keeps only their identifiers.
AddColleague(cjg, new ProfessionalId(511), "Fatima El Amrani");
AddColleague(amw, new ProfessionalId(211), "Gert Mulder");
if (desk.WhichCaseHandles(family.Id) is { Status: CaseStatus.HandedOver } earlier)
{
    // A later run: the desk, the plans and the consents came back from the same file as the signals.
    Say($"  From an earlier run, rebuilt from the file: {earlier.Case} is {Describe(earlier.Status)}, discussed in '{earlier.Meeting}',"
        + $" brought in by {string.Join(" and ", earlier.Routes.Select(r => Describe(r)))}");
    var (before, plansBefore) = access.GetOverview(director);
    Say($"  Pool: {string.Join(", ", before.Coordinators.Select(c => $"{CoordinatorName(c.Coordinator)} {c.FreeHours} h free"))};"
        + $" plans ever escalated: {plansBefore.PlansEverEscalated}, enforcement orders: {plansBefore.EnforcementOrders}");
    var reported = desk.RecordFeedback(earlier.Case, school);
    Say($"  Youth protection reports back to the school (terugkoppeling); next feedback due "
        + $"{reported.GetFeedbackDue().Single(d => d.Organisation == school).DueAt:uuuu-MM-dd} (version {reported.Version} of the case's history)");
    var (earlierTrail, earlierVerification) = access.GetAuditTrail(new Actor("privacy-officer", ActorRole.Auditor, cjg, null, "QuickStart"));
    Say($"  The privacy officer reads {earlierTrail.Count} audit records across the runs: the chain is {earlierVerification.Reason}");
    return;
}

desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), new ProfessionalId(511), cjg, TrainingLevel.General, weeklyHours: 4));
desk.AddCoordinator(new CareCoordinator(new CoordinatorId(2), new ProfessionalId(211), amw, TrainingLevel.Specialist, weeklyHours: 8));
Say("  Social map (sociale kaart), who helps with debts in Tiel: "
    + string.Join(", ", desk.SocialMap.Search(ProblemDomains.Debt, "Tiel").Select(e => Name(e.Organisation))));

var caseId = desk.WhichCaseHandles(family.Id) is { } fromMatch
    ? fromMatch.Case
    : desk.Intake(CaseIntake.ForYouths(IntakeRoute.YouthAndFamilyCentre, [sam.Bsn], cjg)).Case;
var opened = desk.WhichCaseHandles(family.Id)!;
Say(opened.Routes.Contains(IntakeRoute.ReferenceIndex)
    ? $"  The match opened the family's case ({caseId}) through the reference index, discussed in '{opened.Meeting}'"
    : $"  No match opened a case, so the CJG brings the family in: {caseId}");
var viaSchool = desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [sara.Bsn], school, "ZAT Basisschool De Linde"));
Say($"  The school's care team (ZAT) brings in Sara: it {(viaSchool.Opened ? "opens" : "joins")} {viaSchool.Case}, "
    + $"still handled in '{viaSchool.Meeting}'; brought in by {string.Join(" and ", viaSchool.Routes.Select(r => Describe(r)))}");

var decision = desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
Say($"  Tier (zorgcoördinatie-niveau): {Describe(decision.Tier)}, because:");
foreach (var reason in decision.Reasons)
{
    Say($"    - {Named(reason)}");
}

var assignment = desk.AssignCoordinator(caseId).ThrowIfRefused();
Say($"  Care coordinator (zorgcoördinator): {CoordinatorName(assignment.Coordinator!.Value)} of {Name(assignment.Organisation!.Value)}");
Say($"    because {Named(assignment.Reason)}");

Console.WriteLine();
Say("== One family, one plan (1 gezin, 1 plan)");
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
Say($"  Drafted with the parents: {plan.Goals.Count} goals, {plan.Actions.Count} actions; "
    + (plan.FamilyAgreement.ContainsKey(FamilyMember.Parents) ? "the parents agreed to it" : "the parents have not agreed yet"));
plan = plans.Change(caseId, plan.Version, (p, at) => p.CompleteAction(1, bram, at));
foreach (var day in new[] { 30, 45, 60 })
{
    foreach (var moved in plans.AdvanceEscalations(bram, today.PlusDays(day)))
    {
        var step = moved.History.OfType<CareCoordination.Sdk.Plans.Events.EscalationStepped>().Last();
        Say($"  Day {day}: {Describe(step.Trigger)}, so the plan goes up to {Describe(step.To)} (opschaling), deadline {step.Deadline:uuuu-MM-dd}");
        Say($"    {Named(step.Reason)}");
    }
}

var coordinatorActor = new Actor("amw-coordinator", ActorRole.Coordinator, amw, new ProfessionalId(211), "QuickStart");
plan = access.GetPlan(coordinatorActor, caseId)!;
var alderman = new ProfessionalId(9001);
plan = plans.Change(caseId, plan.Version, (p, at) => p.OrderEnforcement(new EnforcementOrder(jgz, "Start the parenting support within one week", today.PlusDays(67), alderman), alderman, at));
var order = plan.EnforcementOrders[^1];
Say($"  The municipality uses its enforcement power (doorzettingsmacht): {Name(order.Provider)} must \"{order.Ordered}\" by {order.By:uuuu-MM-dd}");
plan = plans.Change(caseId, plan.Version, (p, at) => p.CompleteAction(2, ReporterOf(jgz), at));
var movedAgain = plans.AdvanceEscalations(bram, today.PlusDays(66));
Say(movedAgain.Single().Escalation == EscalationLevel.None
    ? "  Parenting support started: the plan moves again and comes down the ladder (its escalation stays on record)"
    : $"  Parenting support started, but the plan is still with {Describe(movedAgain.Single().Escalation)}");

Console.WriteLine();
Say("== Privacy: every read goes through the access rules and leaves an audit record");
var kindergarten = new Actor("zonnetje-user", ActorRole.Reporter, daycare, ReporterOf(daycare), "QuickStart");
Try("The daycare asks for Sam's signals", () => access.GetSignals(kindergarten, sam.Bsn).Count);
Try("The care coordinator asks for them", () => access.GetSignals(coordinatorActor, sam.Bsn).Count);
var consents = services.GetRequiredService<ConsentRegister>();
var consent = consents.Give(sam, ConsentPurpose.Coordination, [amw], ConsentGiver.Parents);
Say($"  Sam is {Period.Between(sam.DateOfBirth, today, PeriodUnits.Years).Years}, so the parents consent (toestemming) "
    + $"to coordination by {Name(amw)} ({consent.Reference})");
Say($"  The coordinator now sees {access.GetSignals(coordinatorActor, sam.Bsn).Count} signals on Sam");
var (coordinationOverview, planOverview) = access.GetOverview(director);
Say($"  The director sees aggregates only: {coordinationOverview.OpenCasesPerTier[CoordinationTier.General]} case in general coordination, "
    + $"{planOverview.PlansEverEscalated} plan ever escalated, {planOverview.EnforcementOrders} enforcement order");
var subjectAccess = access.SubjectAccess(new Actor("parent-verified-by-digid", ActorRole.DataSubject, null, null, "Municipal portal"), sam, new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "portal session 4711"));
using (var document = System.Text.Json.JsonDocument.Parse(subjectAccess))
{
    Say($"  Sam's parents ask for access (inzage): {document.RootElement.GetProperty("activeSignals").GetArrayLength()} signals, "
        + $"{document.RootElement.GetProperty("matches").GetArrayLength()} matches, "
        + $"{document.RootElement.GetProperty("accessLog").GetArrayLength()} logged accesses; the JSON they get begins:");
}

// An excerpt: the whole document runs to a few hundred lines.
var lines = subjectAccess.Split('\n');
foreach (var line in lines.Take(16))
{
    Say("    " + line.TrimEnd('\r'));
}

Say($"    … {lines.Length - 16} more lines");

var (trail, verification) = access.GetAuditTrail(new Actor("privacy-officer", ActorRole.Auditor, cjg, null, "QuickStart"));
Say($"  The privacy officer reads {trail.Count} audit records (NEN 7513): the chain is {verification.Reason}; "
    + $"{trail.Count(r => r.FlaggedForReview)} refusals flagged for review. The consented read:");
var record = trail.Last(r => r.Basis == AccessBasis.Consent);
Say($"    #{record.Sequence} {record.At:uuuu-MM-dd HH:mm:ss} UTC by {record.UserId} ({Describe(record.Role)} of {Name(record.Organisation!.Value)})");
Say($"    {Describe(record.Action)} {Describe(record.Data)} of person {record.Subject.Value[..12]}… (a keyed pseudonym, not the BSN)");
Say($"    on the basis of {Describe(record.Basis!.Value)} {record.BasisReference}; hash {record.Hash[..16]}… chained to {record.PreviousHash[..16]}…");

Console.WriteLine();
Say("== Later: a supervision order (OTS) for Sam");
var withMeasure = desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt | ProblemDomains.Safety, ProblemDomains.Safety, true, YouthProtectionMeasure.SupervisionOrder));
Say($"  {Named(withMeasure.Reasons[^1])}");
var handedOver = desk.HandOverToYouthProtection(caseId, new Handover(bjz, YouthProtectionMeasure.SupervisionOrder, "OTS for one year; AMW keeps the debt counselling, JGZ the check-ups.", [jgz, amw, school], Duration.FromDays(42)));
Say($"  {caseId} is {Describe(handedOver.Status)} (overdracht): {Name(bjz)} coordinates now; the care coordinator is free again");
foreach (var due in handedOver.GetFeedbackDue())
{
    Say($"    feedback (terugkoppeling) to {(due.Organisation == school ? "the school" : Name(due.Organisation))} due {due.DueAt:uuuu-MM-dd}");
}

var overview = access.GetOverview(director).Coordination;
Say($"  Director's overview: {overview.OpenCasesPerStatus[CaseStatus.HandedOver]} case handed over, {overview.Waiting.Count} waiting; "
    + $"free hours: {string.Join(", ", overview.Coordinators.Select(c => $"{CoordinatorName(c.Coordinator)} {c.FreeHours} h"))}");

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

void Try(string who, Func<int> read)
{
    try
    {
        Say($"  {who}: allowed, {read()} signals");
    }
    catch (AccessDeniedException error)
    {
        Say($"  {who}: refused by rule {error.Rule}");
        Say($"    {Named(error.Reason)}");
    }
}

void Register(SignalRegistration registration)
{
    var result = index.Register(registration);
    result.ThrowIfRefused();
    Say($"  {Name(registration.Organisation)} signals on {YouthName(registration.Youth.Bsn)}: {Describe(result.Outcome)}, "
        + (result.MatchCount == 0 ? "no match" : result.MatchCount == 1 ? "1 match" : $"{result.MatchCount} matches"));
    foreach (var match in result.Matches)
    {
        Say($"    {Describe(match.Kind)} with {Name(match.OtherOrganisation)}; match coordinator (matchregisseur): {Name(match.MatchCoordinator)}");
        foreach (var notification in notifier.CreateNotifications(match))
        {
            var recipient = $"{Describe(notification.Role)} at {Name(notification.RecipientOrganisation)}";
            var sibling = notification.ConcernsDifferentYouths ? " (about a sibling)" : string.Empty;
            var other = notification.OtherParties[0];
            Say(notification.Role == NotificationRecipientRole.MatchCoordinator
                ? $"      {recipient} sees that {other.ProfessionalName} and {notification.OtherParties[1].ProfessionalName} contact each other{sibling}"
                : $"      {recipient} contacts {other.ProfessionalName} of {other.OrganisationName}, {other.Contact.Phone}{sibling}");
        }
    }
}

string Name(OrganisationId organisation) =>
    index.Directory.TryGetOrganisation(organisation, out var found) ? found.Name : organisation == school ? "Basisschool De Linde" : organisation.ToString();

string YouthName(Bsn youth) => names.TryGetValue(youth, out var name) ? $"{name} ({youth})" : youth.ToString();

string CoordinatorName(CoordinatorId coordinator) =>
    desk.Pool.FirstOrDefault(c => c.Id == coordinator) is { } found && index.Directory.TryGetProfessional(found.Professional, out var professional)
        ? professional.Name
        : coordinator.ToString();

// The SDK's reasons name organisations, coordinators and professionals by identifier (they never carry names); the
// screen that shows them replaces each identifier with the name it knows.
string Named(string text) => Regex.Replace(text, @"\b(org|coordinator|pro)-(\d+)\b", m =>
{
    var number = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    return m.Groups[1].Value switch
    {
        "org" => Name(new OrganisationId(number)),
        "coordinator" => CoordinatorName(new CoordinatorId(number)),
        _ => index.Directory.TryGetProfessional(new ProfessionalId(number), out var professional) ? professional.Name : m.Value,
    };
});

void AddColleague(OrganisationId organisation, ProfessionalId id, string name) =>
    index.Directory.AddOrReplace(new Professional(id, organisation, name, new ContactDetails($"+31 6 0000 0{id.Value}", $"{name.Split(' ')[0].ToLowerInvariant()}@org{organisation.Value}.example"), isDesignatedReporter: false));

// Lines of at most 120 characters: longer text wraps at a space, indented under its start.
static void Say(string text)
{
    const int Width = 120;
    var indent = new string(' ', text.Length - text.TrimStart().Length + 2);
    while (text.Length > Width)
    {
        var cut = text.LastIndexOf(' ', Width);
        cut = cut <= indent.Length ? Width : cut;
        Console.WriteLine(text[..cut]);
        text = indent + text[cut..].TrimStart();
    }

    Console.WriteLine(text);
}

static string Describe(Enum value) => value switch
    {
        RegistrationOutcome.Registered => "registered",
        RegistrationOutcome.Renewed => "renewed (it was active: a new end date)",
        RegistrationRefusal => "Refused",
        MatchKind.SameYouth => "a match on the same youth",
        MatchKind.Family => "a family match",
        MatchKind.Archived => "a match with an archived signal",
        NotificationRecipientRole.Reporter => "the reporter",
        NotificationRecipientRole.OrganisationCoordinator => "the organisation coordinator",
        NotificationRecipientRole.MatchCoordinator => "the match coordinator",
        IntakeRoute.ReferenceIndex => "the reference index (Verwijsindex)",
        IntakeRoute.YouthAndFamilyCentre => "the CJG",
        IntakeRoute.CareNetwork => "the care network (zorgnetwerk, ZAT)",
        IntakeRoute.JusticeNetwork => "the justice network (Veiligheidshuis)",
        IntakeRoute.FamilySelfReferral => "the family itself",
        CoordinationTier.None => "no coordination (the professionals align themselves)",
        CoordinationTier.General => "general coordination",
        CoordinationTier.Specialist => "specialist coordination",
        CaseStatus.HandedOver => "handed over to youth protection",
        CaseStatus.Coordinated => "coordinated",
        CaseStatus.Closed => "closed",
        CaseStatus s => $"waiting ({s})",
        EscalationTrigger.Stall => "the plan stalls (stagnatie)",
        EscalationTrigger.DeadlinePassed => "the deadline passed",
        EscalationTrigger.SevereThreat => "the child's safety is threatened",
        EscalationTrigger.PlanMoves => "the plan moves again",
        EscalationLevel.Executors => "the plan's executors",
        EscalationLevel.Management => "their managers and boards",
        EscalationLevel.Municipality => "the municipality",
        EscalationLevel.None => "nobody",
        OrganisationKind.YouthHealthCare => "youth health care (JGZ)",
        OrganisationKind.YouthAndFamilyCentre => "the CJG",
        ActorRole.Coordinator => "care coordinator",
        ActorRole r => r.ToString().ToLowerInvariant(),
        AuditAction.Read => "read",
        AuditAction a => a.ToString().ToLowerInvariant(),
        DataCategory.Signals => "the signals",
        DataCategory d => d.ToString().ToLowerInvariant(),
        AccessBasis.Consent => "consent",
        AccessBasis b => b.ToString(),
        _ => value.ToString(),
    };

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
