using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Text;

namespace CareCoordination.Sdk.Logbook.Book;

/// <summary>
/// The reference index's logbook (<em>logboek</em>, domain rule 10): which reporter signalled, renewed, withdrew, was
/// removed or was notified of a match, and when, kept for <see cref="RegionPolicy.LogbookRetention"/> after the day it
/// happened, whatever becomes of the signal. A youth is named by keyed pseudonym only, so once a signal is erased no
/// BSN of it remains here, while the privacy officer can still show who knew of the youth and when.
/// </summary>
/// <remarks>
/// <para>Register it as an observer of the index. It takes part in the index's change: with a store that commits change
/// sets, each line is written in the same change set as the registration, withdrawal or match that caused it, so the
/// index never holds a change its logbook lacks. Lines are kept per day, and <see cref="Purge"/> (a daily job) erases
/// whole days past the retention.</para>
/// <para>Reading is for the privacy officer (the auditor, rule R6) and leaves an audit record. Thread-safe.</para>
/// </remarks>
public sealed class SignalLogbook : IReferenceIndexObserver, IChangeParticipant
{
    private const string StreamKind = StreamDocuments.Logbook;

    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Iso;

    private readonly Lock _gate = new();
    private readonly SortedDictionary<LocalDate, List<LogbookEntry>> _days = [];
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents = StreamDocuments.For(YouthKeying.ByBsn);
    private readonly AuditTrail _audit;
    private readonly RegionPolicy _policy;

    /// <summary>Initializes a logbook kept in a store, reading back what the store holds.</summary>
    /// <param name="policy">The region's policy: its time zone decides the day of a line, and its retention how long a day is kept.</param>
    /// <param name="audit">The audit trail: its pseudonymiser keys the youths, and it records every read of the logbook.</param>
    /// <param name="store">The store (the index's store, so that the lines join the index's change set), or <see langword="null"/> to keep the logbook in memory only.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds lines written by a newer version of the SDK.</exception>
    public SignalLogbook(RegionPolicy policy, AuditTrail audit, IEventStreamStore? store)
    {
        _policy = Guard.NotNull(policy);
        _audit = Guard.NotNull(audit);
        _streams = new DurableStreams(store);
        foreach (var stream in store?.ReadStreams(StreamKind) ?? [])
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                var records = _documents.ReadRecords(stream);
                if (!StreamDocuments.IsErased(stream))
                {
                    _days[DayPattern.Parse(stream.Id).GetValueOrThrow()] = [.. records.Select(e => ((LogbookEntryRecorded)e).ToEntry())];
                }
            });
        }
    }

    /// <inheritdoc/>
    public void OnSignalRegistered(in SignalRegistered e) => Record(LogbookEvent.Signalled, e.Signal, e.Signal.RegisteredAt);

    /// <inheritdoc/>
    public void OnSignalRenewed(in SignalRenewed e) => Record(LogbookEvent.Renewed, e.Signal, e.Signal.RegisteredAt);

    /// <inheritdoc/>
    public void OnSignalWithdrawn(in SignalWithdrawn e) => Record(LogbookEvent.Withdrawn, e.Signal, e.At);

    /// <inheritdoc/>
    public void OnSignalRemoved(in SignalRemoved e) => Record(LogbookEvent.Removed, e.Signal, e.At);

    /// <inheritdoc/>
    public void OnMatchFound(in MatchFound e)
    {
        var match = e.Match;
        Append(
        [
            new LogbookEntry(match.FoundAt, LogbookEvent.Notified, match.Organisation, match.Reporter, match.Signal, _audit.Pseudonymiser.Of(match.Youth)),
            new LogbookEntry(match.FoundAt, LogbookEvent.Notified, match.OtherOrganisation, match.OtherReporter, match.OtherSignal, _audit.Pseudonymiser.Of(match.OtherYouth)),
        ]);
    }

    /// <summary>Reads the lines of a period, for the privacy officer (R6); the read is recorded in the audit trail.</summary>
    /// <param name="actor">Who reads: an auditor.</param>
    /// <param name="from">The first day.</param>
    /// <param name="through">The last day.</param>
    /// <returns>The lines, oldest first.</returns>
    /// <exception cref="AccessDeniedException">The actor is not an auditor; the refusal is recorded.</exception>
    public IReadOnlyList<LogbookEntry> Read(Actor actor, LocalDate from, LocalDate through)
    {
        Decide(actor, null, string.Create(CultureInfo.InvariantCulture, $"logbook {from:uuuu-MM-dd} to {through:uuuu-MM-dd}"));
        lock (_gate)
        {
            return [.. _days.Where(d => d.Key >= from && d.Key <= through).SelectMany(d => d.Value)];
        }
    }

    /// <summary>Reads every line about one youth that the logbook still keeps, for the privacy officer (R6); the read is recorded under the youth.</summary>
    /// <param name="actor">Who reads: an auditor.</param>
    /// <param name="youth">The youth.</param>
    /// <returns>The lines, oldest first.</returns>
    /// <exception cref="AccessDeniedException">The actor is not an auditor; the refusal is recorded.</exception>
    public IReadOnlyList<LogbookEntry> Read(Actor actor, Bsn youth)
    {
        Guard.NotDefault(youth);
        Decide(actor, youth, "logbook of the youth");
        // Lines written before a rotation of the audit keys name the youth under the retired pseudonymiser.
        var keys = _audit.PseudonymsOf(youth);
        lock (_gate)
        {
            return [.. _days.Values.SelectMany(d => d).Where(e => keys.Contains(e.Youth))];
        }
    }

    /// <summary>Gets every line the logbook keeps, oldest first, without an audit record: for the SDK's own consistency checks, never handed to a person.</summary>
    internal IReadOnlyList<LogbookEntry> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _days.Values.SelectMany(d => d)];
            }
        }
    }

    /// <summary>Erases every day past the retention (a daily job): a day is kept for <see cref="RegionPolicy.LogbookRetention"/> after it.</summary>
    /// <param name="today">The day the job runs for.</param>
    /// <returns>How many lines were erased.</returns>
    public int Purge(LocalDate today)
    {
        var keepFrom = today.Minus(_policy.LogbookRetention);
        return _streams.Run(_gate, () =>
        {
            var erased = 0;
            foreach (var (day, lines) in _days.Where(d => d.Key < keepFrom).ToList())
            {
                _streams.Erase(StreamKind, DayPattern.Format(day), _documents.Write(new StreamErased(lines[^1].At, "logbook retention ended"), lines[^1].At));
                _days.Remove(day);
                _streams.OnUndo(() => _days[day] = lines);
                erased += lines.Count;
            }

            return erased;
        });
    }

    private void Record(LogbookEvent kind, Signal signal, Instant at) =>
        Append([new LogbookEntry(at, kind, signal.Organisation, signal.Reporter, signal.Id, _audit.Pseudonymiser.Of(signal.Youth))]);

    private void Append(IReadOnlyList<LogbookEntry> entries)
    {
        var day = entries[0].At.InZone(_policy.TimeZone).Date;
        _streams.Run(_gate, () =>
        {
            if (!_days.TryGetValue(day, out var lines))
            {
                _days[day] = lines = [];
            }

            var version = lines.Count;
            _streams.Append(StreamKind, DayPattern.Format(day), version, [.. entries.Select(e => _documents.Write(LogbookEntryRecorded.Of(e), e.At))]);
            lines.AddRange(entries);
            _streams.OnUndo(() =>
            {
                lines.RemoveRange(version, lines.Count - version);
                if (lines.Count == 0)
                {
                    _days.Remove(day);
                }
            });
            return version;
        });
    }

    private void Decide(Actor actor, Bsn? youth, string detail)
    {
        var decision = AccessRules.DecideWithoutPerson(actor, DataCategory.AuditTrail);
        _audit.RecordDecision(actor, youth, AuditAction.Read, DataCategory.AuditTrail, detail, decision);
        decision.ThrowIfRefused();
    }
}
