using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>
/// The door to a person's data for people: every read asks <see cref="AccessRules"/> first and leaves exactly one
/// record in the <see cref="AuditTrail"/> — the access with its basis, or the refusal with its rule. Vendors show
/// professionals, coordinators, directors, auditors and families their data through this class.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed partial class PersonDataAccess
{
    private readonly AccessRules _rules;
    private readonly AuditTrail _audit;
    private readonly ReferenceIndex _index;
    private readonly CoordinationDesk _desk;
    private readonly PlanBook _plans;
    private readonly ConsentRegister _consents;
    private readonly InformationObligations _obligations;
    private readonly SubjectRequestBook _requests;
    private readonly IClock _clock;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="rules">The access rules.</param>
    /// <param name="audit">The audit trail.</param>
    /// <param name="index">The reference index.</param>
    /// <param name="desk">The coordination desk.</param>
    /// <param name="plans">The family plans.</param>
    /// <param name="consents">The consent register.</param>
    /// <param name="obligations">The information obligations.</param>
    /// <param name="requests">The youth's and parents' requests (objection, correction, erasure).</param>
    /// <param name="clock">The clock.</param>
    public PersonDataAccess(AccessRules rules, AuditTrail audit, ReferenceIndex index, CoordinationDesk desk, PlanBook plans, ConsentRegister consents, InformationObligations obligations, SubjectRequestBook requests, IClock clock)
    {
        _rules = Guard.NotNull(rules);
        _audit = Guard.NotNull(audit);
        _index = Guard.NotNull(index);
        _desk = Guard.NotNull(desk);
        _plans = Guard.NotNull(plans);
        _consents = Guard.NotNull(consents);
        _obligations = Guard.NotNull(obligations);
        _requests = Guard.NotNull(requests);
        _clock = Guard.NotNull(clock);
    }

    /// <summary>
    /// Reads the active signals on a youth: a reporter sees its own organisation's (R1); the youth's coordinator
    /// sees all, as far as consent or a legal basis reaches (R4).
    /// </summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="youth">The youth.</param>
    /// <returns>The signals the actor may see.</returns>
    /// <exception cref="AccessDeniedException">No rule allows it.</exception>
    public IReadOnlyList<Signal> GetSignals(Actor actor, Bsn youth)
    {
        var decision = Decide(actor, youth, DataCategory.Signals, "active signals", _rules.DecideAboutYouth(actor, DataCategory.Signals, youth));
        var signals = _index.GetActiveSignals(youth);
        return decision.Basis == AccessBasis.OwnRegistration ? [.. signals.Where(s => s.Organisation == actor.Organisation)] : signals;
    }

    /// <summary>Reads the identity and contact details of the parties matched with the actor's organisation on a youth (R2).</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="notifier">Builds the parties' details from the directory.</param>
    /// <returns>One party per match with the actor's organisation.</returns>
    /// <exception cref="AccessDeniedException">No rule allows it.</exception>
    public IReadOnlyList<MatchParty> GetMatchContacts(Actor actor, Bsn youth, MatchNotifier notifier)
    {
        Guard.NotNull(notifier);
        Decide(actor, youth, DataCategory.MatchContacts, "match contacts", _rules.DecideAboutYouth(actor, DataCategory.MatchContacts, youth));
        return
        [
            .. _index.GetMatches(youth)
                .Where(m => m.Organisation == actor.Organisation)
                .SelectMany(m => notifier.CreateNotifications(m).Where(n => n.RecipientOrganisation == actor.Organisation).Take(1).SelectMany(n => n.OtherParties)),
        ];
    }

    /// <summary>Reads a coordination case (R3).</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="case">The case.</param>
    /// <returns>The case.</returns>
    /// <exception cref="AccessDeniedException">No rule allows it.</exception>
    public CoordinationCase GetCase(Actor actor, CaseId @case)
    {
        var current = _desk.GetCase(@case);
        DecideForEach(actor, current.Youths, DataCategory.Case, @case.ToString(), _rules.DecideAboutCase(actor, DataCategory.Case, @case));
        return current;
    }

    /// <summary>Reads a case's family plan (R3).</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="case">The case.</param>
    /// <returns>The plan, or <see langword="null"/> when the case has none.</returns>
    /// <exception cref="AccessDeniedException">No rule allows it.</exception>
    public FamilyPlan? GetPlan(Actor actor, CaseId @case)
    {
        var current = _desk.GetCase(@case);
        DecideForEach(actor, current.Youths, DataCategory.Plan, "plan of " + @case, _rules.DecideAboutCase(actor, DataCategory.Plan, @case));
        return _plans.Find(@case);
    }

    /// <summary>Reads the youths a coordination case concerns (R3), with an audit record for each of them.</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="case">The case.</param>
    /// <returns>The youths' BSNs.</returns>
    /// <exception cref="AccessDeniedException">No rule allows it.</exception>
    public IReadOnlyList<Bsn> GetCaseYouths(Actor actor, CaseId @case)
    {
        var current = _desk.GetCase(@case);
        DecideForEach(actor, current.Youths, DataCategory.Case, "youths of " + @case, _rules.DecideAboutCase(actor, DataCategory.Case, @case));
        return current.Youths;
    }

    /// <summary>Tells which open case handles a youth (R3): for its coordinator or case holder and the organisations involved in it.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="youth">The youth.</param>
    /// <returns>The case, its intake routes and status.</returns>
    /// <exception cref="AccessDeniedException">No rule allows it, or no open case involves the actor's organisation.</exception>
    public IntakeResult WhichCaseHandles(Actor actor, Bsn youth)
    {
        Decide(actor, youth, DataCategory.Case, "which case handles the youth", _rules.DecideWhichCaseHandles(actor, youth));
        return _desk.WhichCaseHandles(youth) ?? throw new InvalidOperationException("The case closed while it was read; ask again.");
    }

    /// <summary>
    /// Withdraws the actor's organisation's own signal on a youth (<em>intrekken</em>, R1): archived when the risk is
    /// gone, removed outright otherwise. Only the reporting organisation may; the withdrawal is in the audit trail,
    /// and it reveals nothing about the other parties.
    /// </summary>
    /// <param name="actor">A professional of the reporting organisation, in the <see cref="ActorRole.Reporter"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The organisation's own signal as it was.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation has no active signal on the youth; nothing changed.</exception>
    public Signal Withdraw(Actor actor, Bsn youth, WithdrawalReason reason)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentException("The withdrawal reason is not defined.", nameof(reason));
        }

        var record = Deferred(actor, youth.IsDefault ? [] : [youth], DataCategory.Signals, "withdrawal (" + reason + ")", _rules.DecideAboutYouth(actor, DataCategory.Signals, youth), AuditAction.Delete);
        return _index.Withdraw(youth, actor.Organisation!.Value, reason, record);
    }

    /// <summary>
    /// Withdraws the actor's organisation's own signal on a youth like <see cref="Withdraw(Actor, Bsn, WithdrawalReason)"/>,
    /// and completes once the withdrawal is durable (with group commit, once the group it joined is).
    /// </summary>
    /// <param name="actor">A professional of the reporting organisation, in the <see cref="ActorRole.Reporter"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the withdrawal until it is queued for its commit; then nothing changed.</param>
    /// <returns>The organisation's own signal as it was.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation has no active signal on the youth; nothing changed.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the withdrawal joined failed; the signal is as it was.</exception>
    public Task<Signal> WithdrawAsync(Actor actor, Bsn youth, WithdrawalReason reason, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentException("The withdrawal reason is not defined.", nameof(reason));
        }

        var record = Deferred(actor, youth.IsDefault ? [] : [youth], DataCategory.Signals, "withdrawal (" + reason + ")", _rules.DecideAboutYouth(actor, DataCategory.Signals, youth), AuditAction.Delete);
        return _index.WithdrawAsync(youth, actor.Organisation!.Value, reason, record, cancellationToken);
    }

    /// <summary>
    /// Moves the signals of a youth known by a substitute number (<em>verwijsindexservicenummer</em>) to the BSN the youth
    /// got (R1: only an organisation with an active signal under the substitute number, which learned the BSN, does so).
    /// Both numbers get an audit record, since the move touches the youth under each.
    /// </summary>
    /// <param name="actor">A reporter of an organisation that signalled the youth under the substitute number.</param>
    /// <param name="substitute">The substitute number.</param>
    /// <param name="bsn">The youth's BSN.</param>
    /// <returns>The matches the move made with other organisations' signals on the BSN.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation has no active signal under the substitute number; nothing changed.</exception>
    /// <exception cref="ArgumentException">An argument is <c>default</c>, or <paramref name="bsn"/> is a substitute number itself.</exception>
    public IReadOnlyList<Match> AssignBsn(Actor actor, SubstituteNumber substitute, Bsn bsn)
    {
        Guard.NotDefault(substitute);
        Guard.NotDefault(bsn);
        var decision = _rules.DecideAboutYouth(actor, DataCategory.Signals, substitute.AsIndexKey());
        var record = Deferred(actor, [substitute.AsIndexKey(), bsn], DataCategory.Signals, "identification: substitute number replaced by the BSN", decision, AuditAction.Update);
        return _index.AssignBsn(substitute, bsn, record);
    }

    /// <summary>
    /// Moves a youth's signals from a substitute number to the BSN like <see cref="AssignBsn(Actor, SubstituteNumber, Bsn)"/>,
    /// and completes once the move is durable.
    /// </summary>
    /// <param name="actor">A reporter of an organisation that signalled the youth under the substitute number.</param>
    /// <param name="substitute">The substitute number.</param>
    /// <param name="bsn">The youth's BSN.</param>
    /// <param name="cancellationToken">Cancels the move until it is queued for its commit; then nothing changed.</param>
    /// <returns>The matches the move made with other organisations' signals on the BSN.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation has no active signal under the substitute number; nothing changed.</exception>
    /// <exception cref="ArgumentException">An argument is <c>default</c>, or <paramref name="bsn"/> is a substitute number itself.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the move joined failed; the signals are where they were.</exception>
    public Task<IReadOnlyList<Match>> AssignBsnAsync(Actor actor, SubstituteNumber substitute, Bsn bsn, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Guard.NotDefault(substitute);
        Guard.NotDefault(bsn);
        var decision = _rules.DecideAboutYouth(actor, DataCategory.Signals, substitute.AsIndexKey());
        var record = Deferred(actor, [substitute.AsIndexKey(), bsn], DataCategory.Signals, "identification: substitute number replaced by the BSN", decision, AuditAction.Update);
        return _index.AssignBsnAsync(substitute, bsn, record, cancellationToken);
    }

    /// <summary>Reads the information obligations of the actor's organisation's signals on a youth (R1).</summary>
    /// <param name="actor">Who reads.</param>
    /// <param name="youth">The youth.</param>
    /// <returns>The obligations.</returns>
    public IReadOnlyList<InformationObligation> GetInformationObligations(Actor actor, Bsn youth)
    {
        Decide(actor, youth, DataCategory.InformationObligation, "information obligations", _rules.DecideAboutYouth(actor, DataCategory.InformationObligation, youth));
        return [.. _obligations.About(youth).Where(o => o.Organisation == actor.Organisation)];
    }

    /// <summary>Lists the information obligations the actor's organisation has not yet fulfilled, over all its signals (R1).</summary>
    /// <param name="actor">A reporter.</param>
    /// <returns>The open obligations, earliest due first.</returns>
    public IReadOnlyList<InformationObligation> GetOpenInformationObligations(Actor actor)
    {
        Guard.NotNull(actor);
        var decision = actor.Role == ActorRole.Reporter && actor.Organisation is { } organisation
            ? AccessDecision.Allow("R1 own signals", $"{organisation} reads the obligations of its own signals.", AccessBasis.OwnRegistration)
            : AccessDecision.Refuse("R1 own signals", "only a reporting organisation reads the information obligations of its own signals.");
        // Every youth the list names gets the record, so that each one's subject access shows this read.
        var open = decision.IsAllowed ? _obligations.GetOpen(actor.Organisation) : [];
        DecideForEach(actor, [.. open.Select(o => o.Youth).Distinct()], DataCategory.InformationObligation, "open information obligations of " + (actor.Organisation?.ToString() ?? "-"), decision);
        return open;
    }

    /// <summary>Reads the coordination director's overview: aggregates only (R5).</summary>
    /// <param name="actor">Who reads.</param>
    /// <returns>The coordination and plan overviews.</returns>
    public (CoordinationOverview Coordination, PlanOverview Plans) GetOverview(Actor actor)
    {
        Decide(actor, null, DataCategory.Aggregates, "coordination overview", AccessRules.DecideWithoutPerson(actor, DataCategory.Aggregates));
        return (_desk.GetOverview(), _plans.GetOverview());
    }

    /// <summary>Reads the audit trail and verifies its chain (R6).</summary>
    /// <param name="actor">Who reads.</param>
    /// <returns>The records and the verification, as of before this read was recorded.</returns>
    public (IReadOnlyList<AuditRecord> Records, AuditVerification Verification) GetAuditTrail(Actor actor)
    {
        var decision = AccessRules.DecideWithoutPerson(actor, DataCategory.AuditTrail);
        var records = decision.IsAllowed ? _audit.Export() : [];
        var verification = decision.IsAllowed ? _audit.Verify() : new AuditVerification(false, null, "not read", 0);
        Decide(actor, null, DataCategory.AuditTrail, "audit trail", decision);
        return (records, verification);
    }

    /// <summary>
    /// Answers a subject access request (<em>inzage</em>, R7): everything registered about the youth — active and
    /// archived signals with who registered them, the matches and organisations involved, coordination cases and plan
    /// goals, consents, information obligations, the requests made about the signals (objection, correction, erasure) and
    /// their decisions — and who accessed the youth's data and when, as a JSON document.
    /// </summary>
    /// <param name="actor">The requester, in the <see cref="ActorRole.DataSubject"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="requester">Who asks, as the host verified it: the youth or the parents, who must be who decides for the youth's age, and how identity and authority were checked (recorded in the audit trail).</param>
    /// <returns>The document (UTF-8 JSON text).</returns>
    /// <exception cref="AccessDeniedException">The actor is no data subject, or the verified role may not ask for a youth of this age.</exception>
    public string SubjectAccess(Actor actor, Youth youth, VerifiedRequester requester)
    {
        Guard.NotNull(requester);
        var decision = _rules.DecideSubjectAccess(actor, youth, requester.Role);
        var log = decision.IsAllowed ? _audit.About(youth.Bsn) : [];
        Decide(actor, youth.Bsn, DataCategory.SubjectAccess, "subject access document for " + requester, decision, AuditAction.Export);
        var directory = _index.Directory;
        var (consents, _) = _consents.About(youth.Bsn);
        var cases = _desk.FindOpenCase(youth.Bsn) is { } open ? new[] { open } : [];
        var document = new SubjectAccessDocument(
            "1",
            _clock.GetCurrentInstant(),
            youth.Bsn.ToString(),
            [.. _index.GetActiveSignals(youth.Bsn).Select(s => SignalLine(directory, s, null))],
            [.. _index.GetArchivedSignals(youth.Bsn).Select(a => SignalLine(directory, a.Signal, a.ArchivedOn))],
            [.. _index.GetMatches(youth.Bsn).Select(m => new SubjectAccessMatch(m.Kind.ToString(), Name(directory, m.Organisation), Name(directory, m.OtherOrganisation), Name(directory, m.MatchCoordinator), m.FoundAt, m.Youth != m.OtherYouth))],
            [.. cases.Select(c => new SubjectAccessCase(c.Id.ToString(), c.Status.ToString(), c.Tier.ToString(), [.. c.Routes.Select(r => r.ToString())], [.. c.InvolvedOrganisations.Select(o => Name(directory, o))], c.OpenedAt, c.ClosedAt, [.. _plans.Find(c.Id)?.Goals.Select(g => g.Description) ?? []]))],
            [.. consents.Select(c => new SubjectAccessConsent(c.Reference, c.Purpose.ToString(), [.. c.Recipients.Select(r => Name(directory, r))], c.GivenBy.ToString(), c.Start, c.End, c.WithdrawnAt))],
            [.. _obligations.About(youth.Bsn).Select(o => new SubjectAccessInformation(o.Signal.ToString(), o.MustInform.ToString(), o.DueOn, o.Informed.ToString(), o.PostponedBecause))],
            [.. _requests.About(youth.Bsn).Select(r => new SubjectAccessRequest(r.Id, r.Kind.ToString(), r.Signal.ToString(), Name(directory, r.Organisation), r.RequestedBy.ToString(), r.Grounds, r.LodgedAt, r.Status.ToString(), r.DecidedAt, r.DecisionReason))],
            [.. log.Select(r => new SubjectAccessLogLine(r.At, r.Role.ToString(), r.Organisation is { } o ? Name(directory, o) : "-", r.Action.ToString(), r.Data.ToString(), r.Detail, r.Basis?.ToString() ?? "refused"))]);
        return JsonSerializer.Serialize(document, Json.SubjectAccessDocument);
    }

    /// <summary>
    /// Answers a youth's or parents' access request (<em>inzageverzoek</em>) like
    /// <see cref="SubjectAccess(Actor, Youth, VerifiedRequester)"/>, once every change to the youth's signals that is still
    /// on its way to the store is durable: the document never shows what a failed commit would take back.
    /// </summary>
    /// <param name="actor">The requester, whose identity the vendor verified, in the <see cref="ActorRole.DataSubject"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="requester">Who asks, as the host verified it: the youth or the parents, who must be who decides for the youth's age.</param>
    /// <param name="cancellationToken">Cancels the request until the document is made.</param>
    /// <returns>The document (UTF-8 JSON text).</returns>
    /// <exception cref="AccessDeniedException">The actor is no data subject, or the verified role may not ask for a youth of this age.</exception>
    public async Task<string> SubjectAccessAsync(Actor actor, Youth youth, VerifiedRequester requester, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _index.WhenSettledAsync(youth.Bsn).WaitAsync(cancellationToken).ConfigureAwait(false);
        return SubjectAccess(actor, youth, requester);
    }

    private static readonly SubjectAccessJsonContext Json = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { NodaConverters.InstantConverter, NodaConverters.LocalDateConverter },
    });

    private static string Name(OrganisationDirectory directory, OrganisationId organisation) =>
        directory.TryGetOrganisation(organisation, out var found) ? found.Name : organisation.ToString();

    private static SubjectAccessSignal SignalLine(OrganisationDirectory directory, Signal signal, LocalDate? archivedOn)
    {
        var reporter = directory.TryGetProfessional(signal.Reporter, out var professional) ? professional : null;
        return new SubjectAccessSignal(signal.Id.ToString(), Name(directory, signal.Organisation), reporter?.Name ?? signal.Reporter.ToString(), reporter?.Contact.Phone ?? "-", reporter?.Contact.Email ?? "-", signal.RegisteredAt, signal.ExpiresOn, archivedOn);
    }

    // A consent or legal basis of a case's youth changes under R3, recorded for that youth before the change; the
    // change is checked first, so that an allowed record stands only for a change that is then made.
    private AccessDecision Decide(Actor actor, Bsn? subject, DataCategory data, string detail, AccessDecision decision, AuditAction action = AuditAction.Read) =>
        DecideForEach(actor, subject is { IsDefault: false } bsn ? [bsn] : [], data, detail, decision, action);

    // A refusal is recorded and thrown at once; an allowed change is recorded by the operation it allows, in that
    // operation's commit, so a change that fails (no signal to withdraw, a store that fails) leaves no record of having happened.
    private Action Deferred(Actor actor, IReadOnlyList<Bsn> subjects, DataCategory data, string detail, AccessDecision decision, AuditAction action)
    {
        Guard.NotNull(actor);
        if (!decision.IsAllowed)
        {
            DecideForEach(actor, subjects, data, detail, decision, action);
        }

        return () => DecideForEach(actor, subjects, data, detail, decision, action);
    }

    // One record per person the access touches, so that every sibling's subject access finds a read of their case.
    private AccessDecision DecideForEach(Actor actor, IReadOnlyList<Bsn> subjects, DataCategory data, string detail, AccessDecision decision, AuditAction action = AuditAction.Read)
    {
        Guard.NotNull(actor);
        IReadOnlyList<Bsn?> persons = subjects.Count == 0 ? [null] : [.. subjects.Select(s => (Bsn?)s)];
        foreach (var person in persons)
        {
            _audit.RecordDecision(actor, person, action, data, detail, decision);
        }

        decision.ThrowIfRefused();
        return decision;
    }
}
