using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>The youth's and parents' requests about their signals (R8, domain rule 10): lodged, decided and read through the door, each audited.</summary>
public sealed partial class PersonDataAccess
{
    /// <summary>
    /// Lodges a request of the youth or the parents about one of the youth's signals (R8, domain rule 10): an objection
    /// (<em>bezwaar</em>), a correction request (<em>correctieverzoek</em>) or an erasure request (<em>verzoek tot
    /// verwijdering</em>). Only the persons informed for the youth's age may: under 12 the parents, from 12 to 15 the
    /// youth and the parents together (either alone is refused), from 16 the youth alone. The request waits for the
    /// organisation that made the signal; the requester finds it, and later its decision, in the subject access document.
    /// </summary>
    /// <param name="actor">The requester, in the <see cref="ActorRole.DataSubject"/> role.</param>
    /// <param name="youth">The youth, with the date of birth that decides who may ask.</param>
    /// <param name="requester">Who asks, as the host verified it (recorded in the audit trail).</param>
    /// <param name="signal">The youth's signal, active or archived, the request is about.</param>
    /// <param name="kind">What is asked.</param>
    /// <param name="grounds">What the requester says, in their words; never blank, never a BSN.</param>
    /// <returns>The pending request.</returns>
    /// <exception cref="AccessDeniedException">The actor is no data subject, or the wrong persons ask for the youth's age; the refusal names rule R8 and is recorded, and nothing is stored.</exception>
    /// <exception cref="NotFoundException">The index holds no such signal on the youth; nothing is stored.</exception>
    /// <exception cref="ArgumentException">The kind is undefined, or the grounds are blank or hold a BSN.</exception>
    public SubjectRequest LodgeRequest(Actor actor, Youth youth, VerifiedRequester requester, SignalId signal, SubjectRequestKind kind, string grounds)
    {
        Guard.NotNull(actor);
        Guard.NotNull(requester);
        Guard.NotDefault(youth);
        Guard.NotDefault(signal);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException("The request kind is not defined.", nameof(kind));
        }

        SubjectRequestBook.CheckText(grounds, nameof(grounds));
        var decision = _rules.DecideSubjectRequest(actor, youth, requester.Role, kind);
        var record = Deferred(actor, [youth.Bsn], DataCategory.SubjectRequest, $"{kind} request about {signal} by {requester}", decision, AuditAction.Create);
        var about = _index.GetActiveSignals(youth.Bsn).Concat(_index.GetArchivedSignals(youth.Bsn).Select(a => a.Signal)).FirstOrDefault(s => s.Id == signal);
        if (about.IsDefault)
        {
            throw NotFoundException.Missing(signal.ToString(), $"The index holds no {signal} on the youth.");
        }

        return _requests.InOperation(() => Then(_requests.Lodge(kind, about, requester.Role, grounds), record));
    }

    /// <summary>
    /// Decides a request of the youth or the parents (R8): only a professional of the organisation that made the signal
    /// (its reporter or organisation coordinator, in the <see cref="ActorRole.Reporter"/> role) decides, and only once.
    /// Upheld, the signal is removed without being archived — an objection as <see cref="WithdrawalReason.ObjectionUpheld"/>,
    /// an erasure request as <see cref="WithdrawalReason.ErasureRequested"/>, a correction request as
    /// <see cref="WithdrawalReason.CorrectionUpheld"/> — in the same change set as the decision. Rejected, the signal
    /// stays and the reason is kept for the requester.
    /// </summary>
    /// <param name="actor">A professional of the reporting organisation, in the <see cref="ActorRole.Reporter"/> role.</param>
    /// <param name="request">The request's number.</param>
    /// <param name="upheld">Whether the request is upheld (<em>toegewezen</em>) or rejected (<em>afgewezen</em>).</param>
    /// <param name="reason">Why, for the requester; never blank, never a BSN.</param>
    /// <returns>The decided request.</returns>
    /// <exception cref="NotFoundException">The book has no such request.</exception>
    /// <exception cref="AccessDeniedException">The actor is not of the organisation that made the signal; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="SubjectRequestRefusedException">The request was decided already; nothing changed.</exception>
    /// <exception cref="ArgumentException">The reason is blank or holds a BSN.</exception>
    public SubjectRequest DecideRequest(Actor actor, int request, bool upheld, string reason)
    {
        Guard.NotNull(actor);
        SubjectRequestBook.CheckText(reason, nameof(reason));
        var current = _requests.Find(request) ?? throw NotFoundException.Missing(
            string.Create(CultureInfo.InvariantCulture, $"subject-request-{request}"),
            string.Create(CultureInfo.InvariantCulture, $"The book has no request {request}."));
        var decision = AccessRules.DecideOnSubjectRequest(actor, current.Organisation);
        var detail = string.Create(CultureInfo.InvariantCulture, $"request {request} ({current.Kind}) about {current.Signal} {(upheld ? "upheld" : "rejected")}");
        var record = Deferred(actor, [current.Youth], DataCategory.SubjectRequest, detail, decision, upheld ? AuditAction.Delete : AuditAction.Update);
        SubjectRequestBook.CheckPending(current);
        if (!upheld)
        {
            return _requests.InOperation(() => Then(_requests.Decide(request, upheld: false, actor.Professional, reason), record));
        }

        // The decision and the removal are one operation: both are durable, or neither is.
        SubjectRequest? decided = null;
        _index.RemoveOnRequest(current.Youth, current.Signal, RemovalReasonOf(current.Kind), () =>
        {
            decided = _requests.Decide(request, upheld: true, actor.Professional, reason);
            record();
        });
        return decided!;
    }

    /// <summary>Reads the requests the actor's organisation has not decided yet (R8), oldest first; one audit record per youth they concern.</summary>
    /// <param name="actor">A professional of a reporting organisation, in the <see cref="ActorRole.Reporter"/> role.</param>
    /// <returns>The pending requests about the organisation's signals.</returns>
    /// <exception cref="AccessDeniedException">The actor is no reporter; the refusal is recorded.</exception>
    public IReadOnlyList<SubjectRequest> GetPendingRequests(Actor actor)
    {
        Guard.NotNull(actor);
        var decision = AccessRules.DecideOnSubjectRequest(actor, actor.Organisation.GetValueOrDefault());
        var pending = decision.IsAllowed ? _requests.PendingFor(actor.Organisation!.Value) : [];
        DecideForEach(actor, [.. pending.Select(r => r.Youth).Distinct()], DataCategory.SubjectRequest, "pending requests of " + (actor.Organisation?.ToString() ?? "-"), decision);
        return pending;
    }

    private static WithdrawalReason RemovalReasonOf(SubjectRequestKind kind) => kind switch
    {
        SubjectRequestKind.Objection => WithdrawalReason.ObjectionUpheld,
        SubjectRequestKind.Correction => WithdrawalReason.CorrectionUpheld,
        _ => WithdrawalReason.ErasureRequested,
    };
}
