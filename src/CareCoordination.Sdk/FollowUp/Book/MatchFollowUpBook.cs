using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.FollowUp.Book;

/// <summary>
/// The municipality's follow-up of matches (<em>matchregie</em>, domain rule 5): every match the index finds is followed
/// up by its match coordinator, who records who became the central contact and whether the signals were aligned
/// (<em>afgestemd</em>). A match whose contact is not recorded within the region's
/// <see cref="RegionPolicy.FollowUpDeadline"/> gets one reminder. The director sees how many were followed up, and how fast.
/// </summary>
/// <remarks>
/// Pass the book to the index as an observer; it learns matches from <see cref="IReferenceIndexObserver.OnMatchFound"/>.
/// A match is one pair of signals, whichever side found it. With a store, every change is kept as an event of the
/// match's stream, written in the change set of the registration that found the match (or of the follow-up step), and
/// the book is read back at start; the stored records name signals, organisations and professionals, never a youth.
/// Thread-safe.
/// </remarks>
public sealed class MatchFollowUpBook : IReferenceIndexObserver, IChangeParticipant
{
    private const string StreamKind = StreamDocuments.MatchFollowUp;

    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly RegionPolicy _policy;
    private readonly Dictionary<(long, long), MatchFollowUp> _matches = [];
    private readonly Dictionary<(long, long), (ProfessionalId A, ProfessionalId B, OrganisationId OrgA, OrganisationId OrgB)> _parties = [];
    private readonly Dictionary<(long, long), int> _versions = [];
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents = StreamDocuments.For(YouthKeying.ByBsn);

    /// <summary>Initializes an empty book kept in memory only.</summary>
    /// <param name="policy">The region's rules, with the follow-up deadline and time zone.</param>
    /// <param name="clock">The source of time.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public MatchFollowUpBook(RegionPolicy policy, IClock clock)
        : this(policy, clock, null)
    {
    }

    /// <summary>Initializes a book kept in a store, reading back what the store holds.</summary>
    /// <param name="policy">The region's rules, with the follow-up deadline and time zone.</param>
    /// <param name="clock">The source of time.</param>
    /// <param name="store">The store (the index's store, so that a new match's follow-up joins the registration's change set), or <see langword="null"/> to keep the book in memory only.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds follow-ups written by a newer version of the SDK.</exception>
    public MatchFollowUpBook(RegionPolicy policy, IClock clock, IEventStreamStore? store)
    {
        _policy = Guard.NotNull(policy);
        _clock = Guard.NotNull(clock);
        _streams = new DurableStreams(store);
        foreach (var stream in store?.ReadStreams(StreamKind) ?? [])
        {
            if (stream.Events.Count == 0)
            {
                continue;
            }

            StreamDocuments.Rebuild(stream, () =>
            {
                var last = (MatchFollowUpRecorded)_documents.ReadLastRecord(stream);
                var key = KeyOf(last.Signal, last.OtherSignal);
                _matches[key] = last.ToFollowUp();
                _parties[key] = (last.Reporter, last.OtherReporter, last.Organisation, last.OtherOrganisation);
                _versions[key] = stream.Events.Count;
            });
        }
    }

    /// <summary>Gets every match followed up, oldest first.</summary>
    public IReadOnlyList<MatchFollowUp> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _matches.Values.OrderBy(m => m.FoundAt).ThenBy(m => m.Signal.Value)];
            }
        }
    }

    /// <inheritdoc/>
    public void OnMatchFound(in MatchFound e)
    {
        var match = e.Match;
        var key = KeyOf(match.Signal, match.OtherSignal);
        var dueOn = match.FoundAt.InZone(_policy.TimeZone).Date.Plus(_policy.FollowUpDeadline);
        _streams.Run(_gate, () =>
        {
            if (_matches.ContainsKey(key))
            {
                return false;
            }

            _parties[key] = (match.Reporter, match.OtherReporter, match.Organisation, match.OtherOrganisation);
            Save(key, new MatchFollowUp(match.Signal, match.OtherSignal, match.Kind, match.MatchCoordinator, match.FoundAt, dueOn, null, null, null, null, null));
            return true;
        });
    }

    /// <summary>Finds the follow-up of a match, from either side.</summary>
    /// <param name="signal">One signal of the match.</param>
    /// <param name="otherSignal">The other.</param>
    /// <returns>The follow-up, or <see langword="null"/> when no such match is followed up.</returns>
    public MatchFollowUp? Find(SignalId signal, SignalId otherSignal)
    {
        lock (_gate)
        {
            return _matches.GetValueOrDefault(KeyOf(signal, otherSignal));
        }
    }

    /// <summary>Records who became the central contact of a match; the match coordinator records it.</summary>
    /// <param name="signal">One signal of the match.</param>
    /// <param name="otherSignal">The other.</param>
    /// <param name="recordedBy">The organisation recording it: the match coordinator.</param>
    /// <param name="contact">The reporter of one of the two signals who became the central contact.</param>
    /// <returns>The follow-up as it is now.</returns>
    /// <exception cref="NotFoundException">The match is unknown; nothing changed.</exception>
    /// <exception cref="FollowUpRefusedException">The recorder is not the match's coordinator, or the contact is not one of its reporters; nothing changed.</exception>
    public MatchFollowUp RecordCentralContact(SignalId signal, SignalId otherSignal, OrganisationId recordedBy, ProfessionalId contact)
    {
        var now = _clock.GetCurrentInstant();
        return _streams.Run(_gate, () =>
        {
            var (key, followUp) = Known(signal, otherSignal, recordedBy);
            var parties = _parties[key];
            var organisation = contact == parties.A ? parties.OrgA : contact == parties.B ? parties.OrgB
                : throw new FollowUpRefusedException(MatchingMessages.FollowUpContactNotAParty, followUp.MatchCoordinator);
            return Save(key, followUp with { CentralContact = contact, ContactOrganisation = organisation, ContactRecordedAt = followUp.ContactRecordedAt ?? now });
        });
    }

    /// <summary>Records whether the matched signals were aligned (<em>afgestemd</em>); the match coordinator records it.</summary>
    /// <param name="signal">One signal of the match.</param>
    /// <param name="otherSignal">The other.</param>
    /// <param name="recordedBy">The organisation recording it: the match coordinator.</param>
    /// <param name="aligned">Whether the professionals aligned their help.</param>
    /// <returns>The follow-up as it is now.</returns>
    /// <exception cref="NotFoundException">The match is unknown; nothing changed.</exception>
    /// <exception cref="FollowUpRefusedException">The recorder is not the match's coordinator; nothing changed.</exception>
    public MatchFollowUp RecordAligned(SignalId signal, SignalId otherSignal, OrganisationId recordedBy, bool aligned)
    {
        return _streams.Run(_gate, () =>
        {
            var (key, followUp) = Known(signal, otherSignal, recordedBy);
            return Save(key, followUp with { Aligned = aligned });
        });
    }

    /// <summary>
    /// Reminds match coordinators of every match whose central contact was not recorded by its deadline and that was not
    /// reminded yet; each match is reminded once. Run it daily.
    /// </summary>
    /// <returns>The reminders to send.</returns>
    public IReadOnlyList<FollowUpReminder> RemindOverdue()
    {
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_policy.TimeZone).Date;
        return _streams.Run(_gate, () =>
        {
            var due = _matches.Where(kv => !kv.Value.HasContact && kv.Value.RemindedAt is null && kv.Value.DueOn < today)
                .OrderBy(kv => kv.Value.FoundAt).ThenBy(kv => kv.Value.Signal.Value).ToList();
            var reminders = new List<FollowUpReminder>(due.Count);
            foreach (var (key, followUp) in due)
            {
                Save(key, followUp with { RemindedAt = now });
                reminders.Add(new FollowUpReminder(
                    followUp.MatchCoordinator,
                    followUp.Signal,
                    followUp.OtherSignal,
                    followUp.DueOn,
                    Messages.Format(MatchingMessages.FollowUpReminder, followUp.Signal, followUp.OtherSignal, followUp.DueOn.ToString("dd-MM-uuuu", System.Globalization.CultureInfo.InvariantCulture))));
            }

            return (IReadOnlyList<FollowUpReminder>)reminders;
        });
    }

    /// <summary>The director's overview (<em>zorgregisseur</em>): how many matches were followed up, and how fast.</summary>
    /// <returns>Aggregates only.</returns>
    public FollowUpOverview Overview()
    {
        var today = _clock.GetCurrentInstant().InZone(_policy.TimeZone).Date;
        lock (_gate)
        {
            var all = _matches.Values.ToList();
            var times = all.Where(m => m.ContactRecordedAt is not null).Select(m => m.ContactRecordedAt!.Value - m.FoundAt).Order().ToList();
            Duration? median = times.Count == 0 ? null
                : times.Count % 2 == 1 ? times[times.Count / 2]
                : Duration.FromTicks((times[(times.Count / 2) - 1].BclCompatibleTicks + times[times.Count / 2].BclCompatibleTicks) / 2);
            return new FollowUpOverview(
                all.Count,
                all.Count(m => m.HasContact),
                all.Count(m => m.Aligned == true),
                all.Count(m => !m.HasContact && m.DueOn < today),
                all.Count(m => m.RemindedAt is not null),
                median,
                all.Count(m => m.ContactRecordedAt is { } at && at.InZone(_policy.TimeZone).Date <= m.DueOn));
        }
    }

    private ((long, long) Key, MatchFollowUp FollowUp) Known(SignalId signal, SignalId otherSignal, OrganisationId recordedBy)
    {
        var key = KeyOf(signal, otherSignal);
        if (!_matches.TryGetValue(key, out var followUp))
        {
            throw NotFoundException.Missing(FormattableString.Invariant($"match-{key.Item1}-{key.Item2}"), Messages.Format(MatchingMessages.FollowUpUnknownMatch, signal, otherSignal));
        }

        return followUp.MatchCoordinator == recordedBy
            ? (key, followUp)
            : throw new FollowUpRefusedException(Messages.Format(MatchingMessages.FollowUpNotCoordinator, followUp.MatchCoordinator, recordedBy), followUp.MatchCoordinator);
    }

    /// <summary>Keeps a follow-up as it is now, in memory and as the next event of its match's stream; call inside a run.</summary>
    private MatchFollowUp Save((long, long) key, MatchFollowUp followUp)
    {
        var before = _matches.GetValueOrDefault(key);
        var version = _versions.GetValueOrDefault(key);
        _streams.Append(StreamKind, string.Create(CultureInfo.InvariantCulture, $"{key.Item1}-{key.Item2}"), version, [_documents.Write(MatchFollowUpRecorded.Of(followUp, _parties[key]), _clock.GetCurrentInstant())]);
        _matches[key] = followUp;
        _versions[key] = version + 1;
        Action undo = () =>
        {
            if (before is null)
            {
                _matches.Remove(key);
                _parties.Remove(key);
                _versions.Remove(key);
            }
            else
            {
                _matches[key] = before;
                _versions[key] = version;
            }
        };
        if (_streams.Store is null)
        {
            // Kept in memory only, the book still takes part in the index operation under way: its failure undoes this.
            ChangeScope.Ambient?.OnUndo(_gate, undo);
        }
        else
        {
            _streams.OnUndo(undo);
        }

        return followUp;
    }

    private static (long, long) KeyOf(SignalId a, SignalId b) => a.Value < b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
}
