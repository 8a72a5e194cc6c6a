using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Signals;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>The changes of person data that go through the door: consents, legal bases and information obligations, each decided by the access rules and audited.</summary>
public sealed partial class PersonDataAccess
{
    /// <summary>
    /// Records a consent of a youth of a case (<em>toestemming</em>, R3: the case's coordinator or case holder), when
    /// the right persons for the youth's age gave it (<see cref="ConsentRegister"/>); the change is in the audit trail.
    /// </summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case the consent serves.</param>
    /// <param name="youth">A youth of the case, with the date of birth that decides who consents.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="recipients">The organisations that may receive the data; at least one.</param>
    /// <param name="givenBy">Who consented.</param>
    /// <param name="end">When it ends, if it does.</param>
    /// <returns>The consent.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="ArgumentException">The youth is not one of the case's youths, or an argument is invalid; nothing changed.</exception>
    /// <exception cref="ConsentRefusedException">The wrong persons consented for the youth's age.</exception>
    public Consent GiveConsent(Actor actor, CaseId @case, Youth youth, ConsentPurpose purpose, IEnumerable<OrganisationId> recipients, ConsentGiver givenBy, Instant? end = null)
    {
        var record = DecideConsentChange(actor, @case, Guard.NotDefault(youth).Bsn, $"consent for {purpose} on {@case}", () => _consents.CheckConsent(youth, purpose, recipients, givenBy, end));
        return _consents.InOperation(() => Then(_consents.Give(youth, purpose, recipients, givenBy, end), record));
    }

    /// <summary>Records a consent like <see cref="GiveConsent"/>, and completes once it is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case the consent serves.</param>
    /// <param name="youth">A youth of the case.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="recipients">The organisations that may receive the data.</param>
    /// <param name="givenBy">Who consented.</param>
    /// <param name="end">When it ends, if it does.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit.</param>
    /// <returns>The consent.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<Consent> GiveConsentAsync(Actor actor, CaseId @case, Youth youth, ConsentPurpose purpose, IEnumerable<OrganisationId> recipients, ConsentGiver givenBy, Instant? end = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = DecideConsentChange(actor, @case, Guard.NotDefault(youth).Bsn, $"consent for {purpose} on {@case}", () => _consents.CheckConsent(youth, purpose, recipients, givenBy, end));
        return _consents.InOperationAsync(() => Then(_consents.Give(youth, purpose, recipients, givenBy, end), record), cancellationToken);
    }

    /// <summary>Withdraws a consent of a youth of a case (R3); it covers no access from now on, and the change is in the audit trail.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="consent">The consent's number.</param>
    /// <param name="expectedVersion">The consent's <see cref="Consent.Version"/> the actor saw, to refuse the change when someone changed the consent since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The withdrawn consent.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="NotFoundException">The register has no such consent.</exception>
    /// <exception cref="ArgumentException">The consent was already withdrawn, or it is about no youth of the case.</exception>
    /// <exception cref="StaleVersionException">The consent is not at <paramref name="expectedVersion"/>; nothing changed.</exception>
    public Consent WithdrawConsent(Actor actor, CaseId @case, int consent, int? expectedVersion = null)
    {
        var record = DecideConsentChange(actor, @case, ConsentYouthFor(actor, @case, consent), $"consent {consent} withdrawn on {@case}", () => _consents.CheckWithdrawable(consent, expectedVersion));
        return _consents.InOperation(() => Then(_consents.Withdraw(consent, expectedVersion), record));
    }

    /// <summary>Withdraws a consent like <see cref="WithdrawConsent"/>, and completes once the withdrawal is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="consent">The consent's number.</param>
    /// <param name="expectedVersion">The consent's <see cref="Consent.Version"/> the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit.</param>
    /// <returns>The withdrawn consent.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="StaleVersionException">The consent is not at <paramref name="expectedVersion"/>; nothing changed.</exception>
    public Task<Consent> WithdrawConsentAsync(Actor actor, CaseId @case, int consent, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = DecideConsentChange(actor, @case, ConsentYouthFor(actor, @case, consent), $"consent {consent} withdrawn on {@case}", () => _consents.CheckWithdrawable(consent, expectedVersion));
        return _consents.InOperationAsync(() => Then(_consents.Withdraw(consent, expectedVersion), record), cancellationToken);
    }

    /// <summary>
    /// Records a decision of the actor to share a youth's data without consent on a legal basis (R3), decided by the
    /// actor as a professional of their organisation; the record is in the audit trail, flagged for review.
    /// </summary>
    /// <param name="actor">The case's coordinator or case holder, who decides.</param>
    /// <param name="case">The case.</param>
    /// <param name="youth">A youth of the case.</param>
    /// <param name="basis">The legal basis.</param>
    /// <param name="justification">Why, in the actor's words; never empty.</param>
    /// <param name="recipients">The organisations that may receive the data.</param>
    /// <param name="validFor">How long the decision holds; at most 90 days.</param>
    /// <returns>The record.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public LegalBasisRecord RecordLegalBasis(Actor actor, CaseId @case, Bsn youth, LegalBasis basis, string justification, IEnumerable<OrganisationId> recipients, Duration validFor)
    {
        var (professional, organisation) = Decider(actor);
        var record = DecideConsentChange(actor, @case, youth, $"legal basis {basis} on {@case}", () => ConsentRegister.CheckLegalBasis(youth, basis, justification, recipients, validFor), flag: true);
        return _consents.InOperation(() => Then(_consents.RecordLegalBasis(youth, basis, justification, professional, organisation, recipients, validFor), record));
    }

    /// <summary>Records a legal basis like <see cref="RecordLegalBasis"/>, and completes once it is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder, who decides.</param>
    /// <param name="case">The case.</param>
    /// <param name="youth">A youth of the case.</param>
    /// <param name="basis">The legal basis.</param>
    /// <param name="justification">Why; never empty.</param>
    /// <param name="recipients">The organisations that may receive the data.</param>
    /// <param name="validFor">How long the decision holds.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit.</param>
    /// <returns>The record.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<LegalBasisRecord> RecordLegalBasisAsync(Actor actor, CaseId @case, Bsn youth, LegalBasis basis, string justification, IEnumerable<OrganisationId> recipients, Duration validFor, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (professional, organisation) = Decider(actor);
        var record = DecideConsentChange(actor, @case, youth, $"legal basis {basis} on {@case}", () => ConsentRegister.CheckLegalBasis(youth, basis, justification, recipients, validFor), flag: true);
        return _consents.InOperationAsync(() => Then(_consents.RecordLegalBasis(youth, basis, justification, professional, organisation, recipients, validFor), record), cancellationToken);
    }

    /// <summary>Records that the actor's organisation informed the youth or the parents of its own signal (R1); the change is in the audit trail.</summary>
    /// <param name="actor">A reporter of the organisation that signalled.</param>
    /// <param name="signal">The organisation's signal.</param>
    /// <param name="informed">Who was informed.</param>
    /// <returns>The obligation after the change.</returns>
    /// <exception cref="AccessDeniedException">The signal is not the actor's organisation's; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="NotFoundException">No obligation is tracked for the signal.</exception>
    public InformationObligation RecordInformed(Actor actor, SignalId signal, ConsentGiver informed)
    {
        InformationObligations.CheckInformed(informed);
        var record = DecideObligationChange(actor, signal, "informed");
        return _obligations.InOperation(() => Then(_obligations.RecordInformed(signal, informed), record));
    }

    /// <summary>Records why the actor's organisation has not yet informed the youth or the parents of its own signal (R1); the change is in the audit trail.</summary>
    /// <param name="actor">A reporter of the organisation that signalled.</param>
    /// <param name="signal">The organisation's signal.</param>
    /// <param name="reason">Why not yet, for example that informing would endanger the child.</param>
    /// <returns>The obligation after the change.</returns>
    /// <exception cref="AccessDeniedException">The signal is not the actor's organisation's; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="NotFoundException">No obligation is tracked for the signal.</exception>
    public InformationObligation RecordPostponed(Actor actor, SignalId signal, string reason)
    {
        Guard.NotBlank(reason);
        var record = DecideObligationChange(actor, signal, "postponed");
        return _obligations.InOperation(() => Then(_obligations.RecordPostponed(signal, reason), record));
    }

    // What the door records for an allowed change runs inside the change's own operation, so both commit or neither does.
    private static T Then<T>(T result, Action record)
    {
        record();
        return result;
    }

    private Action DecideConsentChange(Actor actor, CaseId @case, Bsn youth, string detail, Action check, bool flag = false)
    {
        Guard.NotNull(actor);
        Guard.NotDefault(youth);
        var current = _desk.GetCase(@case);
        if (!current.Youths.Contains(youth))
        {
            throw new ArgumentException($"The youth is not one of the youths of {@case}.", nameof(youth));
        }

        var decision = _rules.DecideAboutCase(actor, DataCategory.Consent, @case);
        if (decision.IsAllowed)
        {
            check();
        }

        return Deferred(actor, [youth], DataCategory.Consent, detail, flag && decision.IsAllowed ? AccessDecision.Allow(decision.Rule, decision.Reason, AccessBasis.LegalBasis, null, flag: true) : decision, AuditAction.Create);
    }

    // An information obligation belongs to the signal's organisation (R1); the record names the signal's youth.
    private Action DecideObligationChange(Actor actor, SignalId signal, string change)
    {
        Guard.NotNull(actor);
        var obligation = _obligations.Find(signal) ?? throw new NotFoundException($"No information obligation is tracked for {signal}.");
        var decision = _rules.DecideAboutYouth(actor, DataCategory.InformationObligation, obligation.Youth);
        if (decision.IsAllowed && obligation.Organisation != actor.Organisation)
        {
            decision = AccessDecision.Refuse("R1 own signals", Messages.Format(PrivacyMessages.OwnSignalsRefused, actor.Organisation));
        }

        return Deferred(actor, [obligation.Youth], DataCategory.InformationObligation, $"information obligation of {signal} {change}", decision, AuditAction.Update);
    }

    // The case's rule is asked before the consent is looked up, so that a professional outside the case cannot learn
    // which consent numbers exist from the answers.
    private Bsn ConsentYouthFor(Actor actor, CaseId @case, int consent)
    {
        var decision = _rules.DecideAboutCase(Guard.NotNull(actor), DataCategory.Consent, @case);
        if (!decision.IsAllowed)
        {
            // The refusal is about the case, so each of its youths gets the record (and finds it in their subject access).
            DecideForEach(actor, _desk.GetCase(@case).Youths, DataCategory.Consent, $"consent {consent} withdrawn on {@case}", decision, AuditAction.Create);
        }

        return ConsentYouth(consent);
    }

    private Bsn ConsentYouth(int consent) =>
        _consents.Get(consent)?.Youth ?? throw NotFoundException.Missing(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"consent-{consent}"), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The register has no consent {consent}."));

    private static (ProfessionalId Professional, OrganisationId Organisation) Decider(Actor actor) =>
        Guard.NotNull(actor) is { Professional: { } professional, Organisation: { } organisation }
            ? (professional, organisation)
            : throw new ArgumentException("A legal basis is decided by a professional of an organisation; the actor names none.", nameof(actor));
}
