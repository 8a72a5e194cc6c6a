using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Notifications.Notices;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using QuickStart;

// The story: two siblings, three organisations that do not know of each other's involvement. The index keeps its
// signals, cases, plans, consents and audit trail in a SQLite file (the embedded default); run the sample twice to
// see them come back. The file lives in the working folder, so each checkout (and each user) has its own, and
// deleting it with its .checkpoints file starts the story over; a path as the first argument puts it elsewhere.
// The story speaks the host's language (CultureInfo.CurrentUICulture, from LANG on Linux and macOS, the display
// language on Windows): Dutch for any nl culture, English otherwise; "--culture nl-NL" chooses it for this run.
var cultureAt = Array.IndexOf(args, "--culture");
if (cultureAt >= 0 && cultureAt + 1 < args.Length)
{
    try
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(args[cultureAt + 1], predefinedOnly: true);
    }
    catch (CultureNotFoundException)
    {
        Console.Error.WriteLine($"'{args[cultureAt + 1]}' is not a culture this machine knows; try --culture nl-NL (Dutch) or --culture en-GB (English).");
        Environment.Exit(2);
    }
}

var positional = args.Where((_, i) => cultureAt < 0 || (i != cultureAt && i != cultureAt + 1)).ToArray();
var path = Path.GetFullPath(positional.Length > 0 ? positional[0] : "quickstart.db");
using var store = new SqliteSignalStore(path);
using var services = new ServiceCollection()
    .AddSingleton<ISignalStore>(store)
    // The audit trail names persons by keyed pseudonym and chains its records under a second key. A real host loads both
    // keys (32 random bytes each) from its key vault; never a constant, and never a passphrase (docs/security.md).
    .AddSingleton(new Pseudonymiser(System.Security.Cryptography.SHA256.HashData("quickstart-demo-pseudonymiser-not-for-production-use"u8)))
    .AddSingleton(new AuditChainKey(System.Security.Cryptography.SHA256.HashData("quickstart-demo-audit-chain-not-for-production-use"u8)))
    // The trail's signed checkpoints go outside the store; a real host puts them on another volume or in a shipped log.
    .AddSingleton<IAuditCheckpointSink>(new FileAuditCheckpointSink(path + ".checkpoints"))
    .AddCareCoordination(options =>
    {
        options.Policy.Scope = CareCoordination.Sdk.Regions.ReportingScope.Narrow;
        // Culemborg (CBS 0216) names the CJG as its match coordinator: it hears of signalled youths who move there.
        options.Policy.MunicipalMatchCoordinators[216] = 5;
    })
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

// The population register (BRP) places the family at one address in Tiel (CBS 0281).
var home = AddressKey.Create("4001 AB", 12);
var tiel = MunicipalityCode.FromNumber(281);

Tell(0, Story.IndexHeading, Path.GetFileName(path), Path.GetDirectoryName(path) == Environment.CurrentDirectory ? Story.WorkingFolder : Path.GetDirectoryName(path));
if (index.ActiveSignalCount > 0)
{
    Tell(1, Story.EarlierSignals, index.ActiveSignalCount);
    var own = new[] { jgz, amw, bjz }.SelectMany(o => new[] { sam.Bsn, sara.Bsn }.SelectMany(y => OwnSignals(ReporterActor(o), y)));
    foreach (var signal in own)
    {
        Tell(2, Story.EarlierSignal, Name(signal.Organisation), YouthName(signal.Youth), signal.RegisteredAt, signal.ExpiresOn);
    }
}
else
{
    Tell(1, Story.FirstRun);
}

// The municipality's population register feed records families through the door, which audits every member (R10).
var feed = new Actor("brp-koppeling", ActorRole.PopulationRegisterFeed, new OrganisationId(5), null, "QuickStart");
var family = Family.Create(new FamilyId(1), [sam.Bsn, sara.Bsn], [], home, tiel);
access.AddOrReplaceFamily(feed, family);

Console.WriteLine();
Tell(0, Story.SignalsHeading);
Register(new SignalRegistration(sam, jgz, ReporterOf(jgz), ReportingCriterion.SeriousUpbringingProblems));
Register(new SignalRegistration(sara, amw, ReporterOf(amw), ReportingCriterion.FinancialProblems));
Register(new SignalRegistration(sam, bjz, ReporterOf(bjz), ReportingCriterion.ViolenceOrNeglect));

Console.WriteLine();
Tell(0, Story.RefusedHeading);
try
{
    Bsn.Parse("123456789");
}
catch (InvalidBsnException error)
{
    Tell(1, Story.InvalidBsn, error.Message);
}

var refused = index.Register(new SignalRegistration(sara, daycare, ReporterOf(daycare), ReportingCriterion.SeriousUpbringingProblems));
// The refusal is a value to act on; the screen words it (refused.Message holds the SDK's own sentence, which names
// organisations by identifier).
Tell(1, Story.RefusedOrganisation, Describe(refused.Refusal), Name(daycare), Describe(index.Policy.DelegateFor(OrganisationKind.Daycare)!.Value));
Tell(1, Story.ActiveSignals, index.ActiveSignalCount);

Console.WriteLine();
Tell(0, Story.CoordinationHeading);
var cjg = AddOrganisation(index.Directory, 5, "CJG Rivierenland", OrganisationKind.YouthAndFamilyCentre, "Dirk Visser");
desk.UpdateSocialMap(new SocialMap()
    .With(MapEntry(jgz, ["consultatiebureau", "opvoedadvies"], ProblemDomains.Parenting | ProblemDomains.Health))
    .With(MapEntry(amw, ["maatschappelijk werk", "schuldhulp"], ProblemDomains.Debt | ProblemDomains.Housing | ProblemDomains.Income))
    .With(MapEntry(cjg, ["opvoedondersteuning", "zorgcoördinatie"], ProblemDomains.Parenting | ProblemDomains.School)));
// The desk learned the family from the index, in the feed's own commit (ReferenceIndexIntake).
var director = new Actor("zorgregisseur", ActorRole.CoordinationDirector, cjg, null, "QuickStart");
// The coordinators are professionals of their organisations; the pool itself keeps only their identifiers.
AddColleague(cjg, new ProfessionalId(511), "Fatima El Amrani");
AddColleague(amw, new ProfessionalId(211), "Gert Mulder");
if (desk.WhichCaseHandles(family.Id) is { Status: CaseStatus.HandedOver } earlier)
{
    // A later run: the desk, the plans and the consents came back from the same file as the signals.
    Tell(1, Story.EarlierCase, earlier.Case, Describe(earlier.Status), earlier.Meeting, Routes(earlier.Routes));
    var (before, plansBefore) = access.GetOverview(director);
    Tell(1, Story.EarlierPool, string.Join(", ", before.Coordinators.Select(c => Format(Story.HoursFree, CoordinatorName(c.Coordinator), c.FreeHours))),
        plansBefore.PlansEverEscalated, plansBefore.EnforcementOrders);
    // The school's care team confirms, in its own organisation's name, that youth protection reported back (R12).
    var reported = access.RecordFeedback(new Actor("zat-de-linde", ActorRole.Reporter, school, null, "QuickStart"), earlier.Case);
    Tell(1, Story.FeedbackRecorded, reported.GetFeedbackDue().Single(d => d.Organisation == school).DueAt, reported.Version);
    var (earlierTrail, earlierVerification) = access.GetAuditTrail(new Actor("privacy-officer", ActorRole.Auditor, cjg, null, "QuickStart"));
    Tell(1, Story.EarlierTrail, earlierTrail.Count, Verdict(earlierVerification));
    return;
}

desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), new ProfessionalId(511), cjg, TrainingLevel.General, weeklyHours: 4));
desk.AddCoordinator(new CareCoordinator(new CoordinatorId(2), new ProfessionalId(211), amw, TrainingLevel.Specialist, weeklyHours: 8));
Tell(1, Story.SocialMap, string.Join(", ", desk.SocialMap.Search(ProblemDomains.Debt, "Tiel").Select(e => Name(e.Organisation))));

var caseId = desk.WhichCaseHandles(family.Id) is { } fromMatch
    ? fromMatch.Case
    : access.TakeIn(ReporterActor(cjg), CaseIntake.ForYouths(IntakeRoute.YouthAndFamilyCentre, [sam.Bsn], cjg)).Case;
var opened = desk.WhichCaseHandles(family.Id)!;
if (opened.Routes.Contains(IntakeRoute.ReferenceIndex))
{
    Tell(1, Story.MatchOpenedCase, caseId, opened.Meeting);
}
else
{
    Tell(1, Story.CjgBringsIn, caseId);
}

var viaSchool = access.TakeIn(new Actor("zat-de-linde", ActorRole.Reporter, school, null, "QuickStart"), CaseIntake.ForYouths(IntakeRoute.CareNetwork, [sara.Bsn], school, "ZAT Basisschool De Linde"));
Tell(1, viaSchool.Opened ? Story.SchoolOpensCase : Story.SchoolJoinsCase, viaSchool.Case, viaSchool.Meeting, Routes(viaSchool.Routes));

// Nobody coordinates the case yet, so the organisations involved assess it together (R12); Bram of AMW records it.
var bram = ReporterOf(amw);
var decision = access.AssessCase(ReporterActor(amw), caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
Tell(1, Story.Tier, Describe(decision.Tier));
foreach (var reason in decision.Reasons)
{
    Tell(2, "- {0}", Named(reason));
}

var assignment = access.AssignCoordinator(director, caseId).ThrowIfRefused();
Tell(1, Story.CareCoordinator, CoordinatorName(assignment.Coordinator!.Value), Name(assignment.Organisation!.Value));
Tell(2, Story.Because, Named(assignment.Reason));

Console.WriteLine();
Tell(0, Story.FollowUpHeading);
// Noah lives with his mother at Sam and Sara's address but is no sibling: the index matches youths registered at one
// address too, and tells the reporters only that the match concerns another youth.
var noah = new Youth(Bsn.Parse("212345606"), new LocalDate(2015, 2, 20));
names[noah.Bsn] = "Noah";
access.AddOrReplaceFamily(feed, Family.Create(new FamilyId(2), [noah.Bsn], [], home, tiel));
var addressMatch = Register(new SignalRegistration(noah, amw, ReporterOf(amw), ReportingCriterion.FinancialProblems)).Matches[0];

// The match coordinator follows the match up (matchregie): who became the central contact, and whether the
// professionals aligned their help; without a contact by the deadline, the daily job reminds the coordinator.
var followUps = services.GetRequiredService<MatchFollowUpBook>();
var followUp = followUps.Find(addressMatch.Signal, addressMatch.OtherSignal)!;
Tell(1, Story.FollowUpDue, Name(followUp.MatchCoordinator), followUp.DueOn);
followUps.RecordCentralContact(addressMatch.Signal, addressMatch.OtherSignal, followUp.MatchCoordinator, addressMatch.OtherReporter);
followUp = followUps.RecordAligned(addressMatch.Signal, addressMatch.OtherSignal, followUp.MatchCoordinator, aligned: true);
Tell(1, Story.CentralContact, ProfessionalName(followUp.CentralContact!.Value), Name(followUp.ContactOrganisation!.Value));
var followedUp = followUps.Overview();
Tell(1, Story.FollowUpOverview, followedUp.Matches, followedUp.WithContact, followedUp.Aligned, followedUp.Overdue);

// Noah and his mother move to Culemborg: the reporter with an active signal hears of it, and so does Culemborg's
// match coordinator, with every active signal and its organisation; neither notice holds a BSN or an address.
access.AddOrReplaceFamily(feed, Family.Create(new FamilyId(2), [noah.Bsn], [], AddressKey.Create("4101 AB", 3), MunicipalityCode.FromNumber(216)));
var moves = services.GetRequiredService<MoveNotices>();
foreach (var notice in moves.Read(amw).Concat(moves.Read(cjg)))
{
    Tell(1, Story.MoveNotice, Describe(notice.Recipient), Name(notice.RecipientOrganisation!.Value), MunicipalityName(notice.FromMunicipality), MunicipalityName(notice.ToMunicipality),
        string.Join(", ", notice.Signals.Select(m => Name(m.Party.Organisation))));
}

Console.WriteLine();
Tell(0, Story.PlanHeading);
var plans = services.GetRequiredService<PlanBook>();
var today = plans.Today;
// The coordinator drafts and keeps the plan through the door (R3): every change is audited for Sam and Sara.
var coordinatorActor = new Actor("amw-coordinator", ActorRole.Coordinator, amw, new ProfessionalId(211), "QuickStart");
var plan = access.DraftPlan(coordinatorActor, caseId);
plan = access.ChangePlan(coordinatorActor, caseId, plan.Version, (p, by, at) => p
    .SetGoal(Story.GoalDebts, by, at)
    .SetGoal(Story.GoalSchool, by, at)
    .AgreeAction(1, ActionKind.Help, Story.ActionDebtCounselling, amw, bram, today.PlusDays(14), by, at)
    .AgreeAction(2, ActionKind.Help, Story.ActionParentingSupport, jgz, ReporterOf(jgz), today.PlusDays(21), by, at)
    .RecordAgreement(Story.AgreementVisits, [jgz, amw], by, at)
    .RecordFamilyAgreement(FamilyMember.Parents, by, at));
Tell(1, Story.Drafted, plan.Goals.Count, plan.Actions.Count, plan.FamilyAgreement.ContainsKey(FamilyMember.Parents) ? Story.ParentsAgreed : Story.ParentsNotAgreed);
plan = access.ChangePlan(coordinatorActor, caseId, plan.Version, (p, by, at) => p.CompleteAction(1, by, at));
foreach (var day in new[] { 30, 45, 60 })
{
    foreach (var moved in plans.AdvanceEscalations(bram, today.PlusDays(day)))
    {
        var step = moved.History.OfType<CareCoordination.Sdk.Plans.EscalationStepped>().Last();
        Tell(1, Story.EscalationDay, day, Describe(step.Trigger), Describe(step.To), step.Deadline);
        Tell(2, "{0}", Named(step.Reason));
    }
}

plan = access.GetPlan(coordinatorActor, caseId)!;
// The alderman decides the enforcement order (doorzettingsmacht); the coordinator records it in the plan.
var alderman = new ProfessionalId(9001);
plan = access.ChangePlan(coordinatorActor, caseId, plan.Version, (p, by, at) => p.OrderEnforcement(new EnforcementOrder(jgz, Story.EnforcementOrdered, today.PlusDays(67), alderman), by, at));
var order = plan.EnforcementOrders[^1];
Tell(1, Story.Enforcement, Name(order.Provider), order.Ordered, order.By);
plan = access.ChangePlan(coordinatorActor, caseId, plan.Version, (p, by, at) => p.CompleteAction(2, by, at));
var movedAgain = plans.AdvanceEscalations(bram, today.PlusDays(66));
if (movedAgain.Single().Escalation == EscalationLevel.None)
{
    Tell(1, Story.PlanMovesAgain);
}
else
{
    Tell(1, Story.PlanStillWith, Describe(movedAgain.Single().Escalation));
}


Console.WriteLine();
Tell(0, Story.PrivacyHeading);
var kindergarten = new Actor("zonnetje-user", ActorRole.Reporter, daycare, ReporterOf(daycare), "QuickStart");
Try(Story.DaycareAsks, () => access.GetSignals(kindergarten, sam.Bsn).Count);
Try(Story.CoordinatorAsks, () => access.GetSignals(coordinatorActor, sam.Bsn).Count);
var consent = access.GiveConsent(coordinatorActor, caseId, sam, ConsentPurpose.Coordination, [amw], ConsentGiver.Parents);
Tell(1, Story.Consent, Period.Between(sam.DateOfBirth, today, PeriodUnits.Years).Years, Name(amw), consent.Reference);
Tell(1, Story.CoordinatorSees, access.GetSignals(coordinatorActor, sam.Bsn).Count);
var (coordinationOverview, planOverview) = access.GetOverview(director);
Tell(1, Story.DirectorAggregates, coordinationOverview.OpenCasesPerTier[CoordinationTier.General], planOverview.PlansEverEscalated, planOverview.EnforcementOrders);
var subjectAccess = access.SubjectAccess(new Actor("parent-verified-by-digid", ActorRole.DataSubject, null, null, "Municipal portal"), sam, new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "portal session 4711"));
using (var document = System.Text.Json.JsonDocument.Parse(subjectAccess))
{
    Tell(1, Story.SubjectAccess, document.RootElement.GetProperty("activeSignals").GetArrayLength(),
        document.RootElement.GetProperty("matches").GetArrayLength(), document.RootElement.GetProperty("accessLog").GetArrayLength());
}

// An excerpt: the whole document runs to a few hundred lines.
var lines = subjectAccess.Split('\n');
foreach (var line in lines.Take(16))
{
    Say("    " + line.TrimEnd('\r'));
}

Tell(2, Story.MoreLines, lines.Length - 16);

var (trail, verification) = access.GetAuditTrail(new Actor("privacy-officer", ActorRole.Auditor, cjg, null, "QuickStart"));
Tell(1, Story.AuditTrail, trail.Count, Verdict(verification), trail.Count(r => r.FlaggedForReview));
var record = trail.Last(r => r.Basis == AccessBasis.Consent);
Tell(2, Story.AuditRecord, record.Sequence, record.At, record.UserId, Describe(record.Role), Name(record.Organisation!.Value));
Tell(2, Story.AuditSubject, Describe(record.Action), Describe(record.Data), record.Subject.Value[..12]);
Tell(2, Story.AuditBasis, Describe(record.Basis!.Value), record.BasisReference, record.Hash[..16], record.PreviousHash[..16]);

Console.WriteLine();
Tell(0, Story.LaterHeading);
var withMeasure = access.AssessCase(coordinatorActor, caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt | ProblemDomains.Safety, ProblemDomains.Safety, true, YouthProtectionMeasure.SupervisionOrder));
Tell(1, "{0}", Named(withMeasure.Reasons[^1]));
var handedOver = access.HandOverToYouthProtection(coordinatorActor, caseId, new Handover(bjz, YouthProtectionMeasure.SupervisionOrder, Story.HandoverNote, [jgz, amw, school], Duration.FromDays(42)));
Tell(1, Story.HandedOver, caseId, Describe(handedOver.Status), Name(bjz));
foreach (var due in handedOver.GetFeedbackDue())
{
    Tell(2, Story.FeedbackDue, due.Organisation == school ? Story.TheSchool : Name(due.Organisation), due.DueAt);
}

var overview = access.GetOverview(director).Coordination;
Tell(1, Story.DirectorOverview, overview.OpenCasesPerStatus[CaseStatus.HandedOver], overview.Waiting.Count,
    string.Join(", ", overview.Coordinators.Select(c => Format(Story.Hours, CoordinatorName(c.Coordinator), c.FreeHours))));

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
        Tell(1, Story.Allowed, who, read());
    }
    catch (AccessDeniedException error)
    {
        Tell(1, Story.RefusedByRule, who, error.RuleTitle);
        Tell(2, "{0}", Named(error.Reason));
    }
}

RegistrationResult Register(SignalRegistration registration)
{
    var result = index.Register(registration);
    result.ThrowIfRefused();
    Tell(1, Story.Registered, Name(registration.Organisation), YouthName(registration.Youth.Bsn), Describe(result.Outcome),
        result.MatchCount == 0 ? Story.NoMatch : result.MatchCount == 1 ? Story.OneMatch : Format(Story.Matches, result.MatchCount));
    foreach (var match in result.Matches)
    {
        Tell(2, Story.MatchWith, Describe(match.Kind), Name(match.OtherOrganisation), Name(match.MatchCoordinator));
        foreach (var notification in notifier.CreateNotifications(match))
        {
            var recipient = Format(Story.RecipientAt, Describe(notification.Role), Name(notification.RecipientOrganisation));
            var sibling = !notification.ConcernsDifferentYouths ? string.Empty : " " + (match.Kind == MatchKind.Address ? Story.AboutAnotherYouth : Story.AboutSibling);
            var other = notification.OtherParties[0];
            if (notification.Role == NotificationRecipientRole.MatchCoordinator)
            {
                Tell(3, Story.SeesContact, recipient, other.ProfessionalName, notification.OtherParties[1].ProfessionalName, sibling);
            }
            else
            {
                Tell(3, Story.Contacts, recipient, other.ProfessionalName, other.OrganisationName, other.Contact.Phone, sibling);
            }
        }
    }

    return result;
}

string Name(OrganisationId organisation) =>
    index.Directory.TryGetOrganisation(organisation, out var found) ? found.Name : organisation == school ? "Basisschool De Linde" : organisation.ToString();

// The notices name municipalities by CBS code; the screen adds the name.
static string MunicipalityName(MunicipalityCode? municipality) => municipality?.Code switch
{
    "0281" => "Tiel (0281)",
    "0216" => "Culemborg (0216)",
    { } code => code,
    null => "?",
};

string ProfessionalName(ProfessionalId professional) =>
    index.Directory.TryGetProfessional(professional, out var found) ? found.Name : professional.ToString();

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

string Routes(IEnumerable<IntakeRoute> routes) => string.Join(" " + Story.And + " ", routes.Select(r => Describe(r)));

// The SDK reports an intact chain with the word "intact" and a broken one with its own sentence.
static string Verdict(AuditVerification verification) => verification.IsIntact ? Story.ChainIntact : verification.Reason;

static string Format(string format, params object?[] values) => string.Format(CultureInfo.CurrentCulture, format, values);

// One line of the story from its resource, indented by depth (two spaces a level).
static void Tell(int depth, string format, params object?[] values) => Say(new string(' ', depth * 2) + Format(format, values));

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
        RegistrationOutcome.Registered => Story.OutcomeRegistered,
        RegistrationOutcome.Renewed => Story.OutcomeRenewed,
        RegistrationRefusal => Story.Refused,
        MatchKind.SameYouth => Story.MatchSameYouth,
        MatchKind.Family => Story.MatchFamily,
        MatchKind.Address => Story.MatchAddress,
        MoveNoticeRecipient.Reporter => Story.RecipientReporter,
        MoveNoticeRecipient.MunicipalMatchCoordinator => Story.RecipientMunicipalMatchCoordinator,
        MatchKind.Archived => Story.MatchArchived,
        NotificationRecipientRole.Reporter => Story.RecipientReporter,
        NotificationRecipientRole.OrganisationCoordinator => Story.RecipientOrganisationCoordinator,
        NotificationRecipientRole.MatchCoordinator => Story.RecipientMatchCoordinator,
        IntakeRoute.ReferenceIndex => Story.RouteReferenceIndex,
        IntakeRoute.YouthAndFamilyCentre => Story.RouteYouthAndFamilyCentre,
        IntakeRoute.CareNetwork => Story.RouteCareNetwork,
        IntakeRoute.JusticeNetwork => Story.RouteJusticeNetwork,
        IntakeRoute.FamilySelfReferral => Story.RouteFamilySelfReferral,
        CoordinationTier.None => Story.TierNone,
        CoordinationTier.General => Story.TierGeneral,
        CoordinationTier.Specialist => Story.TierSpecialist,
        CaseStatus.HandedOver => Story.StatusHandedOver,
        CaseStatus.Coordinated => Story.StatusCoordinated,
        CaseStatus.Closed => Story.StatusClosed,
        CaseStatus s => Format(Story.StatusWaiting, s),
        EscalationTrigger.Stall => Story.TriggerStall,
        EscalationTrigger.DeadlinePassed => Story.TriggerDeadlinePassed,
        EscalationTrigger.SevereThreat => Story.TriggerSevereThreat,
        EscalationTrigger.PlanMoves => Story.TriggerPlanMoves,
        EscalationLevel.Executors => Story.LevelExecutors,
        EscalationLevel.Management => Story.LevelManagement,
        EscalationLevel.Municipality => Story.LevelMunicipality,
        EscalationLevel.None => Story.LevelNone,
        OrganisationKind.YouthHealthCare => Story.KindYouthHealthCare,
        OrganisationKind.YouthAndFamilyCentre => Story.KindYouthAndFamilyCentre,
        ActorRole.Coordinator => Story.RoleCoordinator,
        AuditAction.Read => Story.ActionRead,
        DataCategory.Signals => Story.DataSignals,
        AccessBasis.Consent => Story.BasisConsent,

        // The values this story never meets keep the SDK's own name.
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
