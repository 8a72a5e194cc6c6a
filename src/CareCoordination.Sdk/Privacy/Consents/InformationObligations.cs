using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Consents;

/// <summary>
/// Tracks the information obligation of every signal (rule 3): when a signal is registered, the youth or the parents
/// must be informed — who depends on the youth's age — and the reporting organisation records when it did, or why not
/// yet. Register it as an <see cref="IReferenceIndexObserver"/> of the index; it forgets a signal's obligation when the
/// signal leaves the index.
/// </summary>
/// <remarks>
/// Thread-safe. It never calls back into the index. With a store, every obligation is a stream of its states, written
/// before the change becomes visible and read back at start-up; when the signal leaves the index the stream is erased
/// to a tombstone. A store write that fails while the index raises its event reaches the index's caller.
/// </remarks>
public sealed class InformationObligations : IReferenceIndexObserver, IChangeParticipant
{
    /// <summary>How many days a reporter has to inform the youth or the parents, unless the host sets its own period.</summary>
    public const int DefaultInformWithinDays = 28;

    private readonly Lock _gate = new();
    private readonly Dictionary<SignalId, InformationObligation> _obligations = [];
    private readonly Dictionary<SignalId, int> _versions = [];
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents;
    private readonly ConsentPolicy _policy;
    private readonly DateTimeZone _zone;
    private readonly IClock _clock;
    private readonly Period _informWithin;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="policy">Who is informed at which age (the same persons as for consent).</param>
    /// <param name="zone">The time zone of dates (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    public InformationObligations(ConsentPolicy policy, DateTimeZone zone, IClock clock)
        : this(policy, zone, clock, DefaultInformWithinDays, null)
    {
    }

    /// <summary>Initializes a new instance with its own period to inform, keeping the obligations in a store.</summary>
    /// <param name="policy">Who is informed at which age (the same persons as for consent).</param>
    /// <param name="zone">The time zone of dates (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="informWithinDays">How many days the reporter has to inform; 1 to 90 (<see cref="DefaultInformWithinDays"/> by default).</param>
    /// <param name="store">The store, or <see langword="null"/> to keep the obligations in memory only.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds obligations written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store keys persons by pseudonym; use the overload with its <see cref="YouthKeying"/>.</exception>
    public InformationObligations(ConsentPolicy policy, DateTimeZone zone, IClock clock, int informWithinDays, IEventStreamStore? store)
        : this(policy, zone, clock, informWithinDays, store, YouthKeying.ByBsn)
    {
    }

    /// <summary>
    /// Initializes a new instance with its own period to inform, keeping the obligations in a store with the youths in
    /// them keyed as the rest of the SDK keys them (by BSN, or by keyed pseudonym).
    /// </summary>
    /// <param name="policy">Who is informed at which age (the same persons as for consent).</param>
    /// <param name="zone">The time zone of dates (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="informWithinDays">How many days the reporter has to inform; 1 to 90 (<see cref="DefaultInformWithinDays"/> by default).</param>
    /// <param name="store">The store, or <see langword="null"/> to keep the obligations in memory only.</param>
    /// <param name="keying">How persons are keyed in the store; the same as the reference index's <see cref="ReferenceIndex.Keying"/>.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds obligations written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store was written with another keying.</exception>
    public InformationObligations(ConsentPolicy policy, DateTimeZone zone, IClock clock, int informWithinDays, IEventStreamStore? store, YouthKeying keying)
    {
        _policy = Guard.NotNull(policy);
        _zone = Guard.NotNull(zone);
        _clock = Guard.NotNull(clock);
        _informWithin = Period.FromDays(informWithinDays is >= 1 and <= 90 ? informWithinDays : throw new ArgumentOutOfRangeException(nameof(informWithinDays), informWithinDays, "Inform within 1 to 90 days."));
        _documents = StreamDocuments.For(Guard.NotNull(keying));
        _streams = new DurableStreams(store);
        var streams = store?.ReadStreams(StreamDocuments.InformationObligation) ?? [];
        if (store is not null)
        {
            keying.Claim(store, streams.Count > 0);
        }

        foreach (var stream in streams)
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                if (_documents.ReadLastRecord(stream) is InformationObligation obligation)
                {
                    _obligations[obligation.Signal] = obligation;
                    _versions[obligation.Signal] = stream.Events.Count;
                }
            });
        }
    }

    /// <inheritdoc/>
    public void OnSignalRegistered(in SignalRegistered e)
    {
        var registered = e.Signal.RegisteredAt.InZone(_zone).Date;
        var mustInform = _policy.WhoDecides(new Youth(e.Signal.Youth, e.DateOfBirth), registered);
        var obligation = new InformationObligation(e.Signal.Id, e.Signal.Youth, e.Signal.Organisation, mustInform, registered.Plus(_informWithin), ConsentGiver.None, null, null);
        Operation(() => Save(obligation));
    }

    /// <inheritdoc/>
    public void OnSignalRemoved(in SignalRemoved e) => Forget(e.Signal.Id);

    /// <inheritdoc/>
    public void OnSignalArchived(in SignalArchived e) => Forget(e.Signal.Id);

    /// <summary>Records that the reporting organisation informed the youth or the parents.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="informed">Who was informed.</param>
    /// <returns>The obligation after the change.</returns>
    /// <exception cref="NotFoundException">No obligation is tracked for the signal.</exception>
    internal InformationObligation RecordInformed(SignalId signal, ConsentGiver informed)
    {
        CheckInformed(informed);
        return Operation(() =>
        {
            var current = Get(signal);
            return Save(current with { Informed = current.Informed | informed, LastInformedAt = _clock.GetCurrentInstant(), PostponedBecause = null });
        });
    }

    /// <summary>Checks who was informed as <see cref="RecordInformed"/> does: the parents, the youth, or both.</summary>
    /// <param name="informed">Who was informed.</param>
    internal static void CheckInformed(ConsentGiver informed)
    {
        if (informed == ConsentGiver.None || (informed & ~(ConsentGiver.Parents | ConsentGiver.Youth)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(informed), informed, "Name the parents, the youth, or both.");
        }
    }

    /// <summary>Records why the youth or the parents are not yet informed, for example because informing them would endanger the child.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="reason">Why not yet.</param>
    /// <returns>The obligation after the change.</returns>
    internal InformationObligation RecordPostponed(SignalId signal, string reason)
    {
        Guard.NotBlank(reason);
        return Operation(() => Save(Get(signal) with { PostponedBecause = reason }));
    }

    /// <summary>Finds the obligation of a signal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The obligation, or <see langword="null"/> when none is tracked.</returns>
    internal InformationObligation? Find(SignalId signal)
    {
        lock (_gate)
        {
            return _obligations.GetValueOrDefault(signal);
        }
    }

    /// <summary>Lists the obligations not fulfilled, optionally of one organisation.</summary>
    /// <param name="organisation">The organisation, or <see langword="null"/> for all.</param>
    /// <returns>The open obligations, earliest due first.</returns>
    internal IReadOnlyList<InformationObligation> GetOpen(OrganisationId? organisation = null)
    {
        lock (_gate)
        {
            return [.. _obligations.Values.Where(o => !o.IsFulfilled && (organisation is null || o.Organisation == organisation)).OrderBy(o => o.DueOn).ThenBy(o => o.Signal)];
        }
    }

    /// <summary>Lists the obligations about one youth.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The obligations.</returns>
    internal IReadOnlyList<InformationObligation> About(Bsn youth)
    {
        lock (_gate)
        {
            return [.. _obligations.Values.Where(o => o.Youth == youth).OrderBy(o => o.Signal)];
        }
    }

    private void Forget(SignalId signal) => Operation(() =>
    {
        if (_obligations.TryGetValue(signal, out var obligation))
        {
            // The obligation names the youth; it leaves the store with the signal, as a tombstone without the youth.
            var now = _clock.GetCurrentInstant();
            var version = _versions[signal];
            _streams.Erase(StreamDocuments.InformationObligation, StreamId(signal), _documents.Write(new StreamErased(now, "the signal left the index"), now));
            _obligations.Remove(signal);
            _versions.Remove(signal);
            _streams.OnUndo(() =>
            {
                _obligations[signal] = obligation;
                _versions[signal] = version;
            });
        }

        return obligation;
    });

    private InformationObligation Save(InformationObligation obligation)
    {
        var version = _versions.GetValueOrDefault(obligation.Signal);
        _streams.Append(StreamDocuments.InformationObligation, StreamId(obligation.Signal), version, [_documents.Write(obligation, _clock.GetCurrentInstant())]);
        var previous = _obligations.GetValueOrDefault(obligation.Signal);
        _versions[obligation.Signal] = version + 1;
        _obligations[obligation.Signal] = obligation;
        _streams.OnUndo(() =>
        {
            if (previous is null)
            {
                _obligations.Remove(obligation.Signal);
                _versions.Remove(obligation.Signal);
            }
            else
            {
                _obligations[obligation.Signal] = previous;
                _versions[obligation.Signal] = version;
            }
        });
        return obligation;
    }

    private T Operation<T>(Func<T> change) => _streams.Run(_gate, change);

    /// <summary>Runs changes of this area and what belongs to them (the person-data door's audit record) as one operation.</summary>
    internal T InOperation<T>(Func<T> change) => Operation(change);

    private static string StreamId(SignalId signal) => signal.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private InformationObligation Get(SignalId signal) =>
        _obligations.GetValueOrDefault(signal) ?? throw NotFoundException.Missing(signal.ToString(), $"No information obligation is tracked for {signal}.");
}
