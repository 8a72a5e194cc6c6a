using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Requests.Book;

/// <summary>
/// The book of the youth's and parents' requests about their signals (domain rule 10): objections (<em>bezwaar</em>),
/// correction requests (<em>correctieverzoek</em>) and erasure requests (<em>verzoek tot verwijdering</em>), each
/// lodged by the persons informed for the youth's age and decided once by the organisation that made the signal.
/// </summary>
/// <remarks>
/// <para>People lodge, decide and read requests only through <see cref="Access.PersonDataAccess"/>, which asks the
/// access rules and audits each step; the book has no public read of a person's data. With a store, every request is a
/// stream of its states (lodged, decided), written in the change set of the operation that made the change — an upheld
/// request in the same change set as the removal of its signal — and read back at start. The youth is stored by the
/// store's keying (<see cref="YouthKeying"/>), so a pseudonymised store holds no BSN here either.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class SubjectRequestBook
{
    private const string StreamKind = StreamDocuments.SubjectRequest;

    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly Dictionary<int, SubjectRequest> _requests = [];
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents;
    private int _next = 1;

    /// <summary>Initializes an empty book kept in memory only.</summary>
    /// <param name="clock">The source of time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public SubjectRequestBook(IClock clock)
        : this(clock, null, YouthKeying.ByBsn)
    {
    }

    /// <summary>Initializes a book kept in a store, reading back what the store holds.</summary>
    /// <param name="clock">The source of time.</param>
    /// <param name="store">The store (the index's store, so that an upheld request joins its signal's removal in one change set), or <see langword="null"/> to keep the book in memory only.</param>
    /// <param name="keying">How persons are keyed in the store; the same as the reference index's <see cref="Index.ReferenceIndex.Keying"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="keying"/> is <see langword="null"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds requests written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store was written with another keying.</exception>
    public SubjectRequestBook(IClock clock, IEventStreamStore? store, YouthKeying keying)
    {
        _clock = Guard.NotNull(clock);
        _documents = StreamDocuments.For(Guard.NotNull(keying));
        _streams = new DurableStreams(store);
        var streams = store?.ReadStreams(StreamKind) ?? [];
        if (store is not null)
        {
            keying.Claim(store, streams.Count > 0);
        }

        foreach (var stream in streams)
        {
            if (stream.Events.Count == 0)
            {
                continue;
            }

            StreamDocuments.Rebuild(stream, () =>
            {
                var request = ((SubjectRequestRecorded)_documents.ReadLastRecord(stream)).ToRequest();
                _requests[request.Id] = request;
                _next = Math.Max(_next, request.Id + 1);
            });
        }
    }

    /// <summary>Records a new request about a signal, pending; call through the person-data door, which checked who asks.</summary>
    internal SubjectRequest Lodge(SubjectRequestKind kind, Signal signal, ConsentGiver requestedBy, string grounds) => _streams.Run(_gate, () =>
    {
        var id = _next++;
        OnUndo(() => _next = id);
        return Save(new SubjectRequest(id, kind, signal.Id, signal.Youth, signal.Organisation, requestedBy, grounds, _clock.GetCurrentInstant(), SubjectRequestStatus.Pending, null, null, null));
    });

    /// <summary>
    /// Records the reporting organisation's decision; call inside the operation that carries it out (the removal of the
    /// signal for an upheld request), or through <see cref="InOperation{T}"/>.
    /// </summary>
    /// <exception cref="SubjectRequestRefusedException">The request was already decided; nothing changed.</exception>
    internal SubjectRequest Decide(int id, bool upheld, ProfessionalId? decidedBy, string reason) => _streams.Run(_gate, () =>
    {
        var current = Get(id);
        CheckPending(current);
        return Save(current with
        {
            Status = upheld ? SubjectRequestStatus.Upheld : SubjectRequestStatus.Rejected,
            DecidedAt = _clock.GetCurrentInstant(),
            DecidedBy = decidedBy,
            DecisionReason = reason,
        });
    });

    /// <summary>Finds a request by its number.</summary>
    /// <returns>The request, or <see langword="null"/> when the book has none with that number.</returns>
    internal SubjectRequest? Find(int id) => _streams.Read(_gate, () => _requests.GetValueOrDefault(id));

    /// <summary>Lists the requests an organisation has not decided yet, oldest first.</summary>
    internal IReadOnlyList<SubjectRequest> PendingFor(OrganisationId organisation) => _streams.Read(_gate, () =>
        (IReadOnlyList<SubjectRequest>)[.. _requests.Values.Where(r => r.Organisation == organisation && !r.IsDecided).OrderBy(r => r.LodgedAt).ThenBy(r => r.Id)]);

    /// <summary>Lists every request about a youth, oldest first.</summary>
    internal IReadOnlyList<SubjectRequest> About(Bsn youth) => _streams.Read(_gate, () =>
        (IReadOnlyList<SubjectRequest>)[.. _requests.Values.Where(r => r.Youth == youth).OrderBy(r => r.LodgedAt).ThenBy(r => r.Id)]);

    /// <summary>Runs changes of this area and what belongs to them (the person-data door's audit record) as one operation.</summary>
    internal T InOperation<T>(Func<T> change) => _streams.Run(_gate, change);

    /// <summary>Refuses to decide a request that was decided already.</summary>
    /// <exception cref="SubjectRequestRefusedException">It was.</exception>
    internal static void CheckPending(SubjectRequest request)
    {
        if (request.IsDecided)
        {
            throw new SubjectRequestRefusedException(
                Messages.Format(PrivacyMessages.RequestAlreadyDecided, request.Id, request.Status, request.DecidedAt!.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
                request.Id,
                request.Status);
        }
    }

    /// <summary>Refuses a text for the grounds or the reason that holds a BSN: the book may hold no BSN beyond its keyed youth.</summary>
    /// <exception cref="ArgumentException">The text is blank, or holds nine digits that pass the elfproef.</exception>
    internal static string CheckText(string? text, string name)
    {
        Guard.NotBlank(text, name);
        for (var i = 0; i + 9 <= text.Length; i++)
        {
            var run = text.AsSpan(i, 9);
            var bounded = (i == 0 || !char.IsAsciiDigit(text[i - 1])) && (i + 9 == text.Length || !char.IsAsciiDigit(text[i + 9]));
            if (bounded && !run.ContainsAnyExceptInRange('0', '9') && Bsn.TryParse(run, out _))
            {
                throw new ArgumentException("The text holds a BSN; describe the request without it.", name);
            }
        }

        return text;
    }

    private SubjectRequest Get(int id) =>
        _requests.GetValueOrDefault(id) ?? throw NotFoundException.Missing(
            string.Create(CultureInfo.InvariantCulture, $"subject-request-{id}"),
            string.Create(CultureInfo.InvariantCulture, $"The book has no request {id}."));

    /// <summary>Keeps a request as it is now, in memory and as the next event of its stream; call inside a run.</summary>
    private SubjectRequest Save(SubjectRequest request)
    {
        var before = _requests.GetValueOrDefault(request.Id);
        var version = before is null ? 0 : 1;
        _streams.Append(StreamKind, request.Id.ToString(CultureInfo.InvariantCulture), version, [_documents.Write(SubjectRequestRecorded.Of(request), _clock.GetCurrentInstant())]);
        _requests[request.Id] = request;
        OnUndo(() =>
        {
            if (before is null)
            {
                _requests.Remove(request.Id);
            }
            else
            {
                _requests[request.Id] = before;
            }
        });
        return request;
    }

    private void OnUndo(Action undo)
    {
        if (_streams.Store is null)
        {
            // Kept in memory only, the book still takes part in the operation under way (an index removal): its failure undoes this.
            ChangeScope.Ambient?.OnUndo(_gate, undo);
            return;
        }

        _streams.OnUndo(undo);
    }
}
