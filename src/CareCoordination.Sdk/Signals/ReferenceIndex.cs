using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Telemetry;
using NodaTime;

namespace CareCoordination.Sdk.Signals;

/// <summary>
/// The reference index (<em>Verwijsindex</em>): holds the signals of a region or the nation, finds matches when
/// two organisations are involved with the same youth or family, and applies the lifetime rules of the Jeugdwet.
/// </summary>
/// <remarks>
/// <para>Thread-safe. One lock guards all state: registrations, withdrawals and reads each see and leave a complete
/// index, so no reader ever sees half a registration (docs/architecture.md explains the choice). The hot paths —
/// <see cref="Register(in SignalRegistration, Span{Match})"/> and <see cref="GetActiveSignals(Bsn, Span{Signal})"/> —
/// allocate nothing.</para>
/// <para>Time comes only from the injected <see cref="IClock"/>; dates are reckoned in the policy's time zone.</para>
/// <para>Reads of a person's signals and matches go through <see cref="Privacy.PersonDataAccess"/>, which applies the access
/// rules and audits every read; the index offers no public read of a person's data besides the result of a registration.</para>
/// </remarks>
public sealed class ReferenceIndex
{
    private const int NoSlot = -1;

    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly LocalCalendar _calendar;
    private readonly IReferenceIndexObserver[] _observers;
    private readonly IReferenceIndexObserver[] _participants;
    private readonly IReferenceIndexObserver[] _listeners;
    private readonly ISignalStore? _store;
    private readonly ICareCoordinationStore? _durable;

    private readonly SignalSlots _slots = new();
    private readonly YouthTable _active = new();
    private readonly YouthTable _archive = new();
    private readonly Dictionary<int, Family> _families = [];
    private readonly Dictionary<int, FamilyId[]> _familiesOfYouth = [];

    // Candidates of the registration in progress; only touched under the lock.
    private int[] _candidateSlots = new int[16];
    private MatchKind[] _candidateKinds = new MatchKind[16];
    private FamilyId?[] _candidateFamilies = new FamilyId?[16];
    private int[] _seenYouths = new int[16];

    private readonly Dictionary<string, RememberedRegistration> _idempotency = new(StringComparer.Ordinal);
    private bool _expiredKeysInStore;
    private PendingBatch? _batch;

    private long _lastId;
    private readonly YouthKeying _keying;
    private int _activeCount;
    private int _archivedCount;

    /// <summary>Initializes a new, empty index without observers.</summary>
    /// <param name="policy">The region's rules.</param>
    /// <param name="directory">The region's organisations and professionals.</param>
    /// <param name="clock">The source of time.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReferenceIndex(RegionPolicy policy, OrganisationDirectory directory, IClock clock)
        : this(policy, directory, clock, (IEnumerable<IReferenceIndexObserver>?)null)
    {
    }

    /// <summary>Initializes a new, empty index.</summary>
    /// <param name="policy">The region's rules.</param>
    /// <param name="directory">The region's organisations and professionals.</param>
    /// <param name="clock">The source of time.</param>
    /// <param name="observers">Who receives the domain events, in this order; may be empty.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReferenceIndex(RegionPolicy policy, OrganisationDirectory directory, IClock clock, IEnumerable<IReferenceIndexObserver>? observers)
        : this(policy, directory, clock, null, observers, null)
    {
    }

    /// <summary>Initializes an index backed by a durable store, without observers; see the overload with observers.</summary>
    /// <param name="policy">The region's rules.</param>
    /// <param name="directory">The region's organisations and professionals.</param>
    /// <param name="clock">The source of time.</param>
    /// <param name="store">The durable store to rebuild from and write to.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReferenceIndex(RegionPolicy policy, OrganisationDirectory directory, IClock clock, ISignalStore store)
        : this(policy, directory, clock, store, null)
    {
    }

    /// <summary>
    /// Initializes an index backed by a durable store: rebuilds itself from what the store holds, then writes every
    /// change to the store before making it visible. When the store refuses a write, the index stays as it was and the
    /// store's exception reaches the caller.
    /// </summary>
    /// <param name="policy">The region's rules.</param>
    /// <param name="directory">The region's organisations and professionals.</param>
    /// <param name="clock">The source of time.</param>
    /// <param name="store">The durable store to rebuild from and write to.</param>
    /// <param name="observers">Who receives the domain events, in this order; may be empty.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ReferenceIndex(RegionPolicy policy, OrganisationDirectory directory, IClock clock, ISignalStore store, IEnumerable<IReferenceIndexObserver>? observers)
        : this(policy, directory, clock, Guard.NotNull(store), observers, null)
    {
    }

    /// <summary>
    /// Initializes an index, optionally backed by a durable store, that can match on keyed pseudonyms of the BSN: with a
    /// <paramref name="pseudonymiser"/>, the index's memory structures and its store hold only pseudonyms, and BSNs exist
    /// only in what the index answers. A store must always be opened with the same key it was written with.
    /// </summary>
    /// <param name="policy">The region's rules.</param>
    /// <param name="directory">The region's organisations and professionals.</param>
    /// <param name="clock">The source of time.</param>
    /// <param name="store">The durable store to rebuild from and write to, or <see langword="null"/> for an index in memory only.</param>
    /// <param name="observers">Who receives the domain events, in this order; may be empty.</param>
    /// <param name="pseudonymiser">The keyed pseudonymisation of BSNs, or <see langword="null"/> to key the index by the BSN itself.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    public ReferenceIndex(RegionPolicy policy, OrganisationDirectory directory, IClock clock, ISignalStore? store, IEnumerable<IReferenceIndexObserver>? observers, YouthPseudonymiser? pseudonymiser)
    {
        Policy = Guard.NotNull(policy);
        Directory = Guard.NotNull(directory);
        _clock = Guard.NotNull(clock);
        _calendar = new LocalCalendar(policy.TimeZone, policy.ActivePeriod);
        _observers = observers is null ? [] : [.. observers];
        _participants = [.. _observers.Where(o => o is IChangeParticipant)];
        _listeners = [.. _observers.Where(o => o is not IChangeParticipant)];
        _keying = YouthKeying.Of(pseudonymiser);
        if (store is null)
        {
            return;
        }

        lock (_gate)
        {
            store.Load(new Loader(this));
            _keying.Claim(store, _activeCount + _archivedCount > 0);
        }

        IndexMetrics.SignalsRestored(_activeCount);

        _store = store;
        _durable = store as ICareCoordinationStore;
    }

    /// <summary>Gets a value indicating whether the index keys youths by a keyed pseudonym instead of the BSN.</summary>
    public bool IsPseudonymised => _keying.IsPseudonymised;

    /// <summary>Gets how the index keys youths in memory and in its store; the other areas must key them the same way.</summary>
    public YouthKeying Keying => _keying;

    /// <summary>Gets the region's rules.</summary>
    public RegionPolicy Policy { get; }

    /// <summary>Gets the region's organisations and professionals.</summary>
    public OrganisationDirectory Directory { get; }

    /// <summary>Gets the number of active signals.</summary>
    public int ActiveSignalCount => Volatile.Read(ref _activeCount);

    /// <summary>Gets the number of signals in the historical archive.</summary>
    public int ArchivedSignalCount => Volatile.Read(ref _archivedCount);

    /// <summary>Gets the number of youths with at least one active signal.</summary>
    public int SignalledYouthCount
    {
        get
        {
            lock (_gate)
            {
                return _active.Count;
            }
        }
    }

    /// <summary>
    /// Registers a signal and returns the matches it found in a new array. Allocates only when it found matches; use
    /// <see cref="Register(in SignalRegistration, Span{Match})"/> to allocate nothing at all.
    /// </summary>
    /// <param name="registration">The signal to register.</param>
    /// <returns>What happened: registered with its matches, renewed, or refused with the reason.</returns>
    public RegistrationResult Register(in SignalRegistration registration) =>
        _durable is not null ? RegisterInOneChange(registration, default, copyToArray: true)
        : registration.IdempotencyKey is null ? RegisterCore(registration, default, copyToArray: true, null) : RegisterOnce(registration, default);

    /// <summary>
    /// Registers a signal and writes the matches it found into <paramref name="matches"/>, allocating nothing.
    /// Matches that do not fit are still found and still raised as events; <see cref="RegistrationResult.MatchCount"/>
    /// says how many there were.
    /// </summary>
    /// <param name="registration">The signal to register.</param>
    /// <param name="matches">Where to write the matches, seen from the new signal's side.</param>
    /// <returns>What happened: registered, renewed, or refused with the reason.</returns>
    public RegistrationResult Register(in SignalRegistration registration, Span<Match> matches) =>
        _durable is not null ? RegisterInOneChange(registration, matches, copyToArray: false)
        : registration.IdempotencyKey is null ? RegisterCore(registration, matches, copyToArray: false, null) : RegisterOnce(registration, matches);

    /// <summary>
    /// Registers many signals as one change, for a bulk import or a vendor's queue: each registration is checked and
    /// answered on its own (a refused one is answered refused and the others go on), later ones match earlier ones in
    /// the same batch, and everything accepted is written to the store in one transaction. When that write fails, none
    /// of the batch is registered, no event is raised, and the exception reaches the caller.
    /// </summary>
    /// <param name="registrations">The signals to register, in order.</param>
    /// <returns>One result per registration, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registrations"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<RegistrationResult> RegisterBatch(IReadOnlyList<SignalRegistration> registrations)
    {
        Guard.NotNull(registrations);
        var results = new RegistrationResult[registrations.Count];
        lock (_gate)
        {
            var batch = _batch = new PendingBatch(_lastId, _activeCount);
            using (var scope = _durable is null ? null : ChangeScope.Begin(_durable))
            {
                try
                {
                    for (var i = 0; i < results.Length; i++)
                    {
                        var registration = registrations[i];
                        results[i] = registration.IdempotencyKey is null ? RegisterCore(registration, default, copyToArray: true, null) : RegisterOnce(registration, default);
                    }

                    CommitBatch(batch, scope);
                }
                catch
                {
                    Undo(batch);
                    throw;
                }
                finally
                {
                    _batch = null;
                }
            }

            foreach (var deferred in batch.Deferred)
            {
                deferred();
            }
        }

        return results;
    }

    /// <summary>
    /// Registers one signal as one change with a store that commits change sets: the signal, the information obligation
    /// and the case its matches open or join are written in one transaction, and events and metrics go out after it.
    /// When anything fails, the index and every participant are exactly as before.
    /// </summary>
    private RegistrationResult RegisterInOneChange(in SignalRegistration registration, Span<Match> matches, bool copyToArray)
    {
        lock (_gate)
        {
            var batch = _batch = new PendingBatch(_lastId, _activeCount);
            RegistrationResult result;
            using (var scope = ChangeScope.Begin(_durable!))
            {
                try
                {
                    result = registration.IdempotencyKey is null ? RegisterCore(registration, matches, copyToArray, null) : RegisterOnce(registration, matches);
                    CommitBatch(batch, scope);
                }
                catch
                {
                    Undo(batch);
                    throw;
                }
                finally
                {
                    _batch = null;
                }
            }

            foreach (var deferred in batch.Deferred)
            {
                deferred();
            }

            return result;
        }
    }

    /// <summary>Writes what a batch registered: into the operation's change set and commits it, or straight to a store that writes commits only.</summary>
    private void CommitBatch(PendingBatch batch, ChangeScope? scope)
    {
        if (scope is not null)
        {
            if (batch.Commits.Count > 0)
            {
                scope.Add(PendingBatch.Merge(batch.Commits));
            }

            scope.Complete();
        }
        else if (_store is not null && batch.Commits.Count > 0)
        {
            _store.Commit(PendingBatch.Merge(batch.Commits));
        }
    }

    /// <summary>Withdraws an organisation's own signal on a youth (<em>intrekken</em>): archived when the risk is gone, removed outright otherwise.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="organisation">The organisation that made the signal; only it may withdraw it.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The signal as it was.</returns>
    /// <exception cref="ArgumentException">An argument is <c>default</c> or undefined.</exception>
    /// <exception cref="SignalNotFoundException">The organisation has no active signal on the youth; nothing changed.</exception>
    public Signal Withdraw(Bsn youth, OrganisationId organisation, WithdrawalReason reason)
    {
        Guard.NotDefault(youth);
        Guard.NotDefault(organisation);
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentException("The withdrawal reason is not defined.", nameof(reason));
        }

        var now = _clock.GetCurrentInstant();
        var today = _calendar.DayOf(now).Date;
        lock (_gate)
        {
            var key = KeyOf(youth);
            var slot = FindInChain(_active.HeadOf(key), organisation.Value);
            if (slot == NoSlot)
            {
                throw new SignalNotFoundException($"{organisation} has no active signal on youth {youth}; nothing was withdrawn.");
            }

            var signal = ToSignal(slot);
            var end = reason switch
            {
                WithdrawalReason.RiskGone => SignalEndReason.RiskGone,
                WithdrawalReason.Unjustified => SignalEndReason.Unjustified,
                _ => SignalEndReason.ObjectionUpheld,
            };
            SignalCommit? commit = null;
            if (_store is not null)
            {
                var withdrawn = EventDocuments.Withdrawn(signal, reason, now);
                commit = reason == WithdrawalReason.RiskGone
                    ? new SignalCommit([ArchivedRow(slot, today)], [], [withdrawn, EventDocuments.Archived(signal, end, now)])
                    : new SignalCommit([], [signal.Id], [withdrawn, EventDocuments.Removed(signal, end, now)]);
            }

            var withdrawal = new SignalWithdrawn(signal, reason, now);
            List<Action<IReferenceIndexObserver[]>> events =
            [
                to => Deliver(to, withdrawal, static (o, e) => o.OnSignalWithdrawn(e)),
                reason == WithdrawalReason.RiskGone
                    ? to => Deliver(to, new SignalArchived(signal, end, today, now), static (o, e) => o.OnSignalArchived(e))
                    : to => Deliver(to, new SignalRemoved(signal, end, WasArchived: false, now), static (o, e) => o.OnSignalRemoved(e)),
            ];
            WriteThenApply(commit, events, () =>
            {
                if (reason == WithdrawalReason.RiskGone)
                {
                    MoveToArchive(slot, end, today, now);
                }
                else
                {
                    RemoveActive(slot, end, now);
                }
            });
            return signal;
        }
    }

    /// <summary>Removes every signal on a youth who died, active and archived (Jeugdwet art. 7.1.4.6: as soon as possible after death).</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>How many signals were removed.</returns>
    public int RecordDeath(Bsn youth)
    {
        Guard.NotDefault(youth);
        var now = _clock.GetCurrentInstant();
        lock (_gate)
        {
            var key = KeyOf(youth);
            var removals = new List<(int Slot, bool Archived)>();
            for (var slot = _active.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                removals.Add((slot, false));
            }

            for (var slot = _archive.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                removals.Add((slot, true));
            }

            var removed = removals.ConvertAll(r => new SignalRemoved(ToSignal(r.Slot), SignalEndReason.YouthDeceased, r.Archived, now));
            var commit = _store is null || removed.Count == 0
                ? null
                : new SignalCommit([], removed.ConvertAll(r => r.Signal.Id), removed.ConvertAll(r => EventDocuments.Removed(r.Signal, SignalEndReason.YouthDeceased, now)));
            var events = removed.ConvertAll<Action<IReferenceIndexObserver[]>>(r => to => Deliver(to, r, static (o, e) => o.OnSignalRemoved(e)));
            WriteThenApply(commit, events, () =>
            {
                foreach (var (slot, archived) in removals)
                {
                    if (archived)
                    {
                        RemoveArchived(slot, SignalEndReason.YouthDeceased, now);
                    }
                    else
                    {
                        RemoveActive(slot, SignalEndReason.YouthDeceased, now);
                    }
                }
            });
            return removals.Count;
        }
    }

    /// <summary>
    /// Applies the lifetime rules as of now: active signals past their active period move to the archive, signals of
    /// youths who reached the age limit are removed, and archived signals past the archive period are deleted. Run it
    /// at least daily.
    /// </summary>
    /// <returns>What it did.</returns>
    public ExpiryReport ExpireDue()
    {
        var now = _clock.GetCurrentInstant();
        var day = _calendar.DayOf(now);
        var today = day.Date;
        var todayNumber = day.DayNumber;
        var archiveCutoff = LocalCalendar.DayNumber(LatestArchiveDateDue(today));
        int archived = 0, removed = 0, deleted = 0;
        lock (_gate)
        {
            var keyCutoff = now - Policy.IdempotencyWindow;
            var keysExpired = _expiredKeysInStore || AnyKeyUsedUpTo(keyCutoff);
            var due = DueForExpiry(todayNumber, archiveCutoff);
            var commit = _store is not null && (due.Count > 0 || keysExpired) ? ExpiryCommit(due, today, now, keysExpired ? keyCutoff : null) : null;
            var events = new List<Action<IReferenceIndexObserver[]>>(due.Count * 2);
            foreach (var (slot, reason) in due)
            {
                var signal = ToSignal(slot);
                if (reason == SignalEndReason.ArchivePeriodEnded)
                {
                    events.Add(to => Deliver(to, new SignalRemoved(signal, reason, WasArchived: true, now), static (o, e) => o.OnSignalRemoved(e)));
                    continue;
                }

                events.Add(to => Deliver(to, new SignalExpired(signal, signal.Expiry, now), static (o, e) => o.OnSignalExpired(e)));
                events.Add(reason == SignalEndReason.ActivePeriodEnded
                    ? to => Deliver(to, new SignalArchived(signal, reason, today, now), static (o, e) => o.OnSignalArchived(e))
                    : to => Deliver(to, new SignalRemoved(signal, reason, WasArchived: false, now), static (o, e) => o.OnSignalRemoved(e)));
            }

            WriteThenApply(commit, events, () =>
            {
                if (commit is not null)
                {
                    _expiredKeysInStore = false;
                }

                ForgetIdempotencyKeysUpTo(keyCutoff);
                foreach (var (slot, reason) in due)
                {
                    switch (reason)
                    {
                        case SignalEndReason.ArchivePeriodEnded:
                            RemoveArchived(slot, reason, now);
                            deleted++;
                            break;
                        case SignalEndReason.ActivePeriodEnded:
                            MoveToArchive(slot, reason, today, now);
                            archived++;
                            break;
                        default:
                            RemoveActive(slot, reason, now);
                            removed++;
                            break;
                    }
                }
            });
        }

        return new ExpiryReport(archived, removed, deleted);
    }

    /// <summary>Copies the active signals on a youth into <paramref name="destination"/>, allocating nothing.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="destination">Where to write them, newest first.</param>
    /// <returns>How many active signals the youth has; more than were written when the destination is too small.</returns>
    internal int GetActiveSignals(Bsn youth, Span<Signal> destination)
    {
        var key = KeyOf(youth);
        var count = 0;
        lock (_gate)
        {
            for (var slot = _active.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                if (count < destination.Length)
                {
                    destination[count] = ToSignal(slot, key, youth);
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>Gets the active signals on a youth, newest first.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The signals; empty when there are none.</returns>
    internal IReadOnlyList<Signal> GetActiveSignals(Bsn youth)
    {
        lock (_gate)
        {
            return CollectChain(_active.HeadOf(KeyOf(youth)));
        }
    }

    /// <summary>Gets the active signals on every youth of a family.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The signals, youth by youth in the family's order.</returns>
    /// <exception cref="KeyNotFoundException">The family is not known to the index.</exception>
    internal IReadOnlyList<Signal> GetActiveSignalsOfFamily(FamilyId family)
    {
        lock (_gate)
        {
            if (!_families.TryGetValue(family.Value, out var known))
            {
                throw new KeyNotFoundException($"The family {family} is not known to the reference index.");
            }

            var result = new List<Signal>();
            foreach (var youth in known.Youths)
            {
                for (var slot = _active.HeadOf(youth.RevealNumber()); slot != NoSlot; slot = _slots[slot].Next)
                {
                    result.Add(ToSignal(slot));
                }
            }

            return result;
        }
    }

    /// <summary>Gets the signals on a youth in the historical archive, for auditors and the youth's access request; they are never matched.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The archived signals, most recently archived first; on one day, the most recently registered first.</returns>
    internal IReadOnlyList<ArchivedSignal> GetArchivedSignals(Bsn youth)
    {
        lock (_gate)
        {
            var result = new List<ArchivedSignal>();
            for (var slot = _archive.HeadOf(KeyOf(youth)); slot != NoSlot; slot = _slots[slot].Next)
            {
                ref var s = ref _slots[slot];
                result.Add(new ArchivedSignal(ToSignal(slot), LocalCalendar.FromDayNumber(s.Day), s.Offered));
            }

            result.Sort(static (a, b) => a.ArchivedOn != b.ArchivedOn ? b.ArchivedOn.CompareTo(a.ArchivedOn) : b.Signal.Id.CompareTo(a.Signal.Id));
            return result;
        }
    }

    /// <summary>
    /// Gets every current match of a youth's active signals: with other organisations' active signals on the youth and
    /// on the youths of its families. Seen from the youth's side. Archived matches are offered once at registration and
    /// are not current.
    /// </summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The matches.</returns>
    internal IReadOnlyList<Match> GetMatches(Bsn youth)
    {
        var now = _clock.GetCurrentInstant();
        lock (_gate)
        {
            var result = new List<Match>();
            var key = KeyOf(youth);
            for (var own = _active.HeadOf(key); own != NoSlot; own = _slots[own].Next)
            {
                var ownOrganisation = _slots[own].Organisation;
                var count = CollectCandidates(key, _active.HeadOf(key), ownOrganisation, includeArchive: false);
                var coordinator = DesignateCoordinator(ownOrganisation, RankOf(ownOrganisation), _slots[own].Id, count);
                var signal = ToSignal(own);
                for (var i = 0; i < count; i++)
                {
                    result.Add(new Match(_candidateKinds[i], signal, ToSignal(_candidateSlots[i]), coordinator, _candidateFamilies[i], now));
                }
            }

            return result;
        }
    }

    /// <summary>Adds a family as the population register knows it, or replaces the family with the same identifier; later registrations match across its youths.</summary>
    /// <param name="family">The family.</param>
    /// <exception cref="ArgumentNullException"><paramref name="family"/> is <see langword="null"/>.</exception>
    public void AddOrReplaceFamily(Family family)
    {
        Guard.NotNull(family);
        var keyed = MapMembers(family, youth => Bsn.FromTrustedNumber(KeyOf(youth)));
        lock (_gate)
        {
            WriteFamily(new FamilyChange(keyed.Id, new StoredFamily(keyed.Id, [.. keyed.Youths.Select(KeyFrom)], [.. keyed.Carers.Select(KeyFrom)])));
            AddFamilyCore(keyed);
        }
    }

    /// <summary>Forgets a family; its youths no longer match each other through it.</summary>
    /// <param name="family">The family.</param>
    /// <returns>Whether the family was known.</returns>
    public bool RemoveFamily(FamilyId family)
    {
        lock (_gate)
        {
            if (!_families.ContainsKey(family.Value))
            {
                return false;
            }

            WriteFamily(new FamilyChange(family, null));
            return RemoveFamilyCore(family);
        }
    }

    /// <summary>Gets the families a youth belongs to.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The families; empty when none is known.</returns>
    internal IReadOnlyList<Family> GetFamiliesOf(Bsn youth)
    {
        lock (_gate)
        {
            if (!_familiesOfYouth.TryGetValue(KeyOf(youth), out var ids))
            {
                return [];
            }

            var result = new Family[ids.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                var known = _families[ids[i].Value];
                result[i] = MapMembers(known, key => YouthOf(key.RevealNumber()));
            }

            return result;
        }
    }

    /// <summary>
    /// Reserves room for a number of active signals and signalled youths, so that loading or registering them does not
    /// grow the tables step by step. Growth is otherwise automatic.
    /// </summary>
    /// <param name="signals">The number of signals to make room for.</param>
    /// <param name="youths">The number of distinct youths to make room for.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative.</exception>
    public void EnsureCapacity(int signals, int youths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(signals);
        ArgumentOutOfRangeException.ThrowIfNegative(youths);
        lock (_gate)
        {
            _slots.EnsureCapacity(signals);
            _active.EnsureCapacity(youths);
        }
    }

    /// <summary>Measures the memory the index holds for its signals and youths, for capacity planning.</summary>
    /// <returns>The bytes of the signal slots and the two youth tables.</returns>
    internal long MeasureAllocatedBytes()
    {
        lock (_gate)
        {
            return _slots.AllocatedBytes + _active.AllocatedBytes + _archive.AllocatedBytes;
        }
    }

    /// <summary>
    /// Registers a keyed registration once: a key seen within the window answers its first result and changes nothing;
    /// a key seen for another youth or organisation is refused. A store writes the key and its answer in the same commit
    /// as the registration, so a retry after a restart gets the first answer too.
    /// </summary>
    private RegistrationResult RegisterOnce(in SignalRegistration registration, Span<Match> destination)
    {
        var key = registration.IdempotencyKey!;
        var youth = KeyOf(registration.Youth.Bsn);
        var organisation = registration.Organisation.Value;
        lock (_gate)
        {
            var now = _clock.GetCurrentInstant();
            if (_idempotency.TryGetValue(key, out var remembered) && remembered.At + Policy.IdempotencyWindow > now)
            {
                if (remembered.Youth != youth || remembered.Organisation != organisation)
                {
                    IndexMetrics.RegistrationRefused(RegistrationRefusal.IdempotencyKeyConflict);
                    return RegistrationResult.Refused(
                        RegistrationRefusal.IdempotencyKeyConflict,
                        "The idempotency key was already used for another registration; use a new key for every new registration.");
                }

                return Answer(remembered.Outcome, Reveal(remembered.Signal), Array.ConvertAll(remembered.Matches, Reveal), destination);
            }

            var result = RegisterCore(registration, default, copyToArray: true, key);
            if (result.IsRefused)
            {
                return result;
            }

            var matches = new Match[result.MatchCount];
            for (var i = 0; i < matches.Length; i++)
            {
                matches[i] = result.Matches[i];
            }

            if (_batch is not null)
            {
                UndoKey(_batch, key);
            }

            _idempotency[key] = new RememberedRegistration(youth, organisation, now, result.Outcome, Conceal(result.Signal), Array.ConvertAll(matches, Conceal));
            return Answer(result.Outcome, result.Signal, matches, destination);
        }
    }

    /// <summary>Answers a keyed registration with a copy of its matches, so that no caller can change what a retry gets.</summary>
    private static RegistrationResult Answer(RegistrationOutcome outcome, in Signal signal, Match[] matches, Span<Match> destination)
    {
        matches.AsSpan(0, Math.Min(matches.Length, destination.Length)).CopyTo(destination);
        return RegistrationResult.Succeeded(outcome, signal, matches.Length == 0 ? null : (Match[])matches.Clone(), matches.Length);
    }

    // A remembered answer holds the youth's number and its matches; once a signal is removed, no cache may keep it.
    private void ForgetIdempotencyOf(SignalId removed)
    {
        if (_idempotency.Count == 0)
        {
            return;
        }

        foreach (var (key, remembered) in _idempotency)
        {
            if (remembered.Signal.Id == removed || Array.Exists(remembered.Matches, m => m.Involves(removed)))
            {
                _idempotency.Remove(key);
            }
        }
    }

    private bool AnyKeyUsedUpTo(Instant cutoff)
    {
        foreach (var remembered in _idempotency.Values)
        {
            if (remembered.At <= cutoff)
            {
                return true;
            }
        }

        return false;
    }

    private void ForgetIdempotencyKeysUpTo(Instant cutoff)
    {
        if (_idempotency.Count == 0)
        {
            return;
        }

        foreach (var (key, remembered) in _idempotency)
        {
            if (remembered.At <= cutoff)
            {
                _idempotency.Remove(key);
            }
        }
    }

    private RegistrationResult RegisterCore(in SignalRegistration registration, Span<Match> destination, bool copyToArray, string? idempotencyKey)
    {
        if (registration.IsDefault)
        {
            IndexMetrics.RegistrationRefused(RegistrationRefusal.InvalidRegistration);
            return RegistrationResult.Refused(RegistrationRefusal.InvalidRegistration, "The registration is empty: a signal needs a youth, an organisation, a reporter and a reporting criterion.");
        }

        var now = _clock.GetCurrentInstant();
        var today = _calendar.DayOf(now);
        if (!TryAuthorise(registration, out var refusal, out var message, out var expiresOn, out var expiry, out var rank, today))
        {
            IndexMetrics.RegistrationRefused(refusal);
            return RegistrationResult.Refused(refusal, message!);
        }

        var key = KeyOf(registration.Youth.Bsn);
        var organisation = registration.Organisation.Value;
        lock (_gate)
        {
            var head = _active.HeadOf(key);
            var own = FindInChain(head, organisation);
            if (own != NoSlot)
            {
                return Renew(own, registration, now, expiresOn, expiry, idempotencyKey);
            }

            var count = CollectCandidates(key, head, organisation, includeArchive: true);
            var id = _lastId + 1;
            var ticks = now.ToUnixTimeTicks();
            var signal = new Signal(new SignalId(id), registration.Youth.Bsn, registration.Organisation, registration.Reporter, ticks, registration.Route, expiresOn, expiry);
            var coordinator = count == 0 ? default : DesignateCoordinator(organisation, rank, id, count);
            if (_store is not null)
            {
                Commit(RegistrationCommit(signal, key, count, coordinator, now, idempotencyKey));
            }

            _lastId = id;
            var slot = _slots.Take();
            if (_batch is not null)
            {
                UndoNewSlot(_batch, key, slot);
            }

            ref var s = ref _slots[slot];
            s.Id = id;
            s.RegisteredTicks = ticks;
            s.Youth = key;
            s.Organisation = organisation;
            s.Reporter = registration.Reporter.Value;
            s.Day = expiresOn;
            s.Route = (byte)registration.Route;
            s.Expiry = (byte)expiry;
            s.State = SignalSlot.Active;
            s.Next = head;
            _active.SetHead(key, slot);
            Volatile.Write(ref _activeCount, _activeCount + 1);
            for (var i = 0; i < count; i++)
            {
                if (_candidateKinds[i] == MatchKind.Archived)
                {
                    var offered = _candidateSlots[i];
                    if (_batch is not null)
                    {
                        UndoSlotChange(_batch, offered);
                    }

                    _slots[offered].Offered = true;
                }
            }

            Count(IndexMetrics.SignalRegistered);
            Publish(new SignalRegistered(signal, registration.Youth.DateOfBirth), static (o, e) => o.OnSignalRegistered(e));
            var array = copyToArray && count > 0 ? new Match[count] : null;
            for (var i = 0; i < count; i++)
            {
                var match = new Match(_candidateKinds[i], signal, ToSignal(_candidateSlots[i], key, registration.Youth.Bsn), coordinator, _candidateFamilies[i], now);
                if (_batch is null)
                {
                    IndexMetrics.MatchFound(match.Kind);
                }
                else
                {
                    DeferMatchMetric(_batch, match.Kind);
                }

                Publish(new MatchFound(match), static (o, e) => o.OnMatchFound(e));
                if (array is not null)
                {
                    array[i] = match;
                }
                else if (i < destination.Length)
                {
                    destination[i] = match;
                }
            }

            return RegistrationResult.Succeeded(RegistrationOutcome.Registered, signal, array, count);
        }
    }

    private bool TryAuthorise(in SignalRegistration registration, out RegistrationRefusal refusal, out string? message, out int expiresOn, out SignalExpiry expiry, out int coordinatorRank, CalendarDay today)
    {
        expiresOn = default;
        expiry = default;
        coordinatorRank = int.MaxValue;
        if (!Directory.TryGetOrganisation(registration.Organisation, out var organisation))
        {
            return Refuse(RegistrationRefusal.UnknownOrganisation, $"The organisation {registration.Organisation} is not in the region's directory; it cannot signal.", out refusal, out message);
        }

        if (!Policy.MayReport(organisation.Kind))
        {
            var through = Policy.DelegateFor(organisation.Kind);
            return Refuse(
                RegistrationRefusal.OrganisationNotAuthorised,
                through is { } kind
                    ? $"{organisation.Name} ({organisation.Kind}) may not signal in this region; it signals through an organisation of kind {kind}."
                    : $"{organisation.Name} ({organisation.Kind}) may not signal in this region.",
                out refusal,
                out message);
        }

        if (!organisation.HasMunicipalAgreement)
        {
            return Refuse(RegistrationRefusal.NoMunicipalAgreement, $"{organisation.Name} has no written agreements with the municipality (convenant); it cannot signal until it has.", out refusal, out message);
        }

        if (!Directory.TryGetProfessional(registration.Reporter, out var reporter) || reporter.Organisation != organisation.Id)
        {
            return Refuse(RegistrationRefusal.UnknownReporter, $"The reporter {registration.Reporter} is not a professional of {organisation.Name} in the region's directory.", out refusal, out message);
        }

        if (!reporter.IsDesignatedReporter)
        {
            return Refuse(RegistrationRefusal.ReporterNotDesignated, $"{organisation.Name} has not designated {reporter.Name} to signal in the reference index.", out refusal, out message);
        }

        var dateOfBirth = registration.Youth.DateOfBirth;
        if (dateOfBirth > today.Date)
        {
            return Refuse(RegistrationRefusal.NotYetBorn, "The date of birth lies in the future; check it against the population register (BRP).", out refusal, out message);
        }

        var ageLimitDay = LocalCalendar.DayNumberYearsLater(dateOfBirth, Policy.AgeLimitInYears);
        if (ageLimitDay <= today.DayNumber)
        {
            return Refuse(RegistrationRefusal.OverAgeLimit, $"The person is {Policy.AgeLimitInYears} or older and no longer a youth for the reference index.", out refusal, out message);
        }

        coordinatorRank = Policy.CoordinatorRank(organisation.Kind);
        (expiresOn, expiry) = today.ActiveEndDayNumber < ageLimitDay
            ? (today.ActiveEndDayNumber, SignalExpiry.ActivePeriodEnds)
            : (ageLimitDay, SignalExpiry.AgeLimitReached);
        refusal = RegistrationRefusal.None;
        message = null;
        return true;
    }

    /// <summary>
    /// The latest archive date whose archive period has ended by <paramref name="today"/>. Subtracting the period is
    /// not enough: month arithmetic truncates (29 February plus five years is 28 February), so step forward while the
    /// next day's period has also ended.
    /// </summary>
    private LocalDate LatestArchiveDateDue(LocalDate today)
    {
        var cutoff = today.Minus(Policy.ArchivePeriod);
        while (cutoff.PlusDays(1).Plus(Policy.ArchivePeriod) <= today)
        {
            cutoff = cutoff.PlusDays(1);
        }

        return cutoff;
    }

    private static bool Refuse(RegistrationRefusal reason, string text, out RegistrationRefusal refusal, out string? message)
    {
        refusal = reason;
        message = text;
        return false;
    }

    private RegistrationResult Renew(int slot, in SignalRegistration registration, Instant now, int expiresOn, SignalExpiry expiry, string? idempotencyKey)
    {
        if (_store is not null)
        {
            var renewed = StoredOf(slot) with { RegisteredTicks = now.ToUnixTimeTicks(), Reporter = registration.Reporter, DayNumber = expiresOn, Expiry = expiry };
            var key = _slots[slot].Youth;
            Commit(new SignalCommit([renewed], [], [EventDocuments.Renewed(ToSignal(renewed))])
            {
                IdempotencyKeys = idempotencyKey is null
                    ? []
                    : [EventDocuments.Remember(idempotencyKey, now, new RememberedAnswerDocument(key, renewed.Organisation.Value, RegistrationOutcome.Renewed, Remembered(renewed, key), []))],
            });
        }

        if (_batch is not null)
        {
            UndoSlotChange(_batch, slot);
        }

        ref var s = ref _slots[slot];
        var previous = Instant.FromUnixTimeTicks(s.RegisteredTicks);
        s.RegisteredTicks = now.ToUnixTimeTicks();
        s.Reporter = registration.Reporter.Value;
        s.Day = expiresOn;
        s.Expiry = (byte)expiry;
        var signal = ToSignal(slot);
        Count(IndexMetrics.SignalRenewed);
        Publish(new SignalRenewed(signal, previous), static (o, e) => o.OnSignalRenewed(e));
        return RegistrationResult.Succeeded(RegistrationOutcome.Renewed, signal, null, 0);
    }

    /// <summary>Collects the slots that a signal of <paramref name="organisation"/> on youth <paramref name="key"/> matches into the candidate buffers.</summary>
    private int CollectCandidates(int key, int head, int organisation, bool includeArchive)
    {
        var count = 0;
        for (var slot = head; slot != NoSlot; slot = _slots[slot].Next)
        {
            if (_slots[slot].Organisation != organisation)
            {
                AddCandidate(ref count, slot, MatchKind.SameYouth, null);
            }
        }

        if (_familiesOfYouth.Count > 0 && _familiesOfYouth.TryGetValue(key, out var families))
        {
            var seen = 0;
            foreach (var familyId in families)
            {
                foreach (var member in _families[familyId.Value].Youths)
                {
                    var memberKey = member.RevealNumber();
                    if (memberKey == key || Array.IndexOf(_seenYouths, memberKey, 0, seen) >= 0)
                    {
                        continue;
                    }

                    if (seen == _seenYouths.Length)
                    {
                        Array.Resize(ref _seenYouths, seen * 2);
                    }

                    _seenYouths[seen++] = memberKey;
                    for (var slot = _active.HeadOf(memberKey); slot != NoSlot; slot = _slots[slot].Next)
                    {
                        if (_slots[slot].Organisation != organisation)
                        {
                            AddCandidate(ref count, slot, MatchKind.Family, familyId);
                        }
                    }
                }
            }
        }

        if (includeArchive && _archive.Count > 0)
        {
            for (var slot = _archive.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
            {
                ref var s = ref _slots[slot];
                if (!s.Offered && s.Organisation != organisation)
                {
                    AddCandidate(ref count, slot, MatchKind.Archived, null);
                }
            }
        }

        return count;
    }

    private void AddCandidate(ref int count, int slot, MatchKind kind, FamilyId? family)
    {
        if (count == _candidateSlots.Length)
        {
            Array.Resize(ref _candidateSlots, count * 2);
            Array.Resize(ref _candidateKinds, count * 2);
            Array.Resize(ref _candidateFamilies, count * 2);
        }

        _candidateSlots[count] = slot;
        _candidateKinds[count] = kind;
        _candidateFamilies[count] = family;
        count++;
    }

    /// <summary>
    /// Designates the match coordinator among the organisations of the signal and its candidates: the one whose kind
    /// ranks first in the policy; between equals, the one whose signal was made first.
    /// </summary>
    private OrganisationId DesignateCoordinator(int organisation, int organisationRank, long signalId, int candidateCount)
    {
        var best = organisation;
        var bestRank = organisationRank;
        var bestId = signalId;
        for (var i = 0; i < candidateCount; i++)
        {
            ref var candidate = ref _slots[_candidateSlots[i]];
            var rank = RankOf(candidate.Organisation);
            if (rank < bestRank || (rank == bestRank && candidate.Id < bestId))
            {
                best = candidate.Organisation;
                bestRank = rank;
                bestId = candidate.Id;
            }
        }

        return new OrganisationId(best);
    }

    private int RankOf(int organisation) =>
        Directory.TryGetOrganisation(new OrganisationId(organisation), out var known) ? Policy.CoordinatorRank(known.Kind) : int.MaxValue;

    private int FindInChain(int head, int organisation)
    {
        for (var slot = head; slot != NoSlot; slot = _slots[slot].Next)
        {
            if (_slots[slot].Organisation == organisation)
            {
                return slot;
            }
        }

        return NoSlot;
    }

    private SignalArchived MoveToArchive(int slot, SignalEndReason reason, LocalDate today, Instant now)
    {
        var signal = ToSignal(slot);
        Unlink(_active, slot);
        ref var s = ref _slots[slot];
        s.State = SignalSlot.Archived;
        s.Day = LocalCalendar.DayNumber(today);
        s.Offered = false;
        s.Next = _archive.HeadOf(s.Youth);
        _archive.SetHead(s.Youth, slot);
        Volatile.Write(ref _activeCount, _activeCount - 1);
        Volatile.Write(ref _archivedCount, _archivedCount + 1);
        IndexMetrics.SignalEnded(reason);
        return new SignalArchived(signal, reason, today, now);
    }

    private SignalRemoved RemoveActive(int slot, SignalEndReason reason, Instant now)
    {
        var signal = ToSignal(slot);
        ForgetIdempotencyOf(signal.Id);
        Unlink(_active, slot);
        _slots.Release(slot);
        Volatile.Write(ref _activeCount, _activeCount - 1);
        IndexMetrics.SignalEnded(reason);
        return new SignalRemoved(signal, reason, WasArchived: false, now);
    }

    private SignalRemoved RemoveArchived(int slot, SignalEndReason reason, Instant now)
    {
        var signal = ToSignal(slot);
        ForgetIdempotencyOf(signal.Id);
        Unlink(_archive, slot);
        _slots.Release(slot);
        Volatile.Write(ref _archivedCount, _archivedCount - 1);
        return new SignalRemoved(signal, reason, WasArchived: true, now);
    }

    private void Unlink(YouthTable table, int slot)
    {
        var key = _slots[slot].Youth;
        var head = table.HeadOf(key);
        if (head == slot)
        {
            table.SetHead(key, _slots[slot].Next);
            return;
        }

        for (var previous = head; previous != NoSlot; previous = _slots[previous].Next)
        {
            if (_slots[previous].Next == slot)
            {
                _slots[previous].Next = _slots[slot].Next;
                return;
            }
        }
    }

    private void AddFamilyCore(Family family)
    {
        RemoveFamilyCore(family.Id);
        _families[family.Id.Value] = family;
        foreach (var youth in family.Youths)
        {
            var key = youth.RevealNumber();
            _familiesOfYouth[key] = _familiesOfYouth.TryGetValue(key, out var existing) ? [.. existing, family.Id] : [family.Id];
        }
    }

    private bool RemoveFamilyCore(FamilyId family)
    {
        if (!_families.Remove(family.Value, out var known))
        {
            return false;
        }

        foreach (var youth in known.Youths)
        {
            var key = youth.RevealNumber();
            var remaining = Array.FindAll(_familiesOfYouth[key], id => id != family);
            if (remaining.Length == 0)
            {
                _familiesOfYouth.Remove(key);
            }
            else
            {
                _familiesOfYouth[key] = remaining;
            }
        }

        return true;
    }

    private List<Signal> CollectChain(int head)
    {
        var result = new List<Signal>();
        for (var slot = head; slot != NoSlot; slot = _slots[slot].Next)
        {
            result.Add(ToSignal(slot));
        }

        return result;
    }

    /// <summary>Tells whether any active or archived signal is kept under this raw key, for tests that look for BSNs in memory.</summary>
    /// <param name="key">The key as stored in the slots.</param>
    /// <returns>Whether a slot holds it.</returns>
    internal bool HoldsKey(int key)
    {
        lock (_gate)
        {
            return _active.HeadOf(key) != NoSlot || _archive.HeadOf(key) != NoSlot;
        }
    }

    // Where a BSN becomes the index's key and back, the keying decides: the number itself, or its keyed pseudonym.
    private int KeyOf(Bsn youth) => _keying.NumberOf(youth);

    private Bsn YouthOf(int key) => _keying.PersonOf(key);

    // The index keeps a family's members by key, carried in Bsn values as the slots carry keys in ints.
    private static YouthKey KeyFrom(Bsn keyed) => YouthKey.FromTrusted(keyed.RevealNumber());

    // A pseudonymised index keeps its families by key too; unpseudonymised, a family is its own mapping.
    private Family MapMembers(Family family, Func<Bsn, Bsn> map) =>
        _keying.IsPseudonymised ? Family.Create(family.Id, family.Youths.Select(map), family.Carers.Select(map)) : family;

    // Remembered answers stay in memory for the idempotency window; a pseudonymised index keeps them pseudonymised too.
    private Signal Conceal(Signal signal) => _keying.IsPseudonymised ? signal.WithYouth(Bsn.FromTrustedNumber(KeyOf(signal.Youth))) : signal;

    private Signal Reveal(Signal signal) => _keying.IsPseudonymised ? signal.WithYouth(YouthOf(signal.Youth.RevealNumber())) : signal;

    private Match Conceal(Match match) => _keying.IsPseudonymised ? match.WithYouths(Bsn.FromTrustedNumber(KeyOf(match.Youth)), Bsn.FromTrustedNumber(KeyOf(match.OtherYouth))) : match;

    private Match Reveal(Match match) => _keying.IsPseudonymised ? match.WithYouths(YouthOf(match.Youth.RevealNumber()), YouthOf(match.OtherYouth.RevealNumber())) : match;

    private Signal ToSignal(int slot) => ToSignal(slot, 0, default);

    // Most signals an answer holds are on the youth the caller named; their BSN needs no inverse pseudonym.
    private Signal ToSignal(int slot, int knownKey, Bsn knownYouth)
    {
        ref var s = ref _slots[slot];
        return new Signal(
            new SignalId(s.Id),
            s.Youth == knownKey && knownKey != 0 ? knownYouth : YouthOf(s.Youth),
            new OrganisationId(s.Organisation),
            new ProfessionalId(s.Reporter),
            s.RegisteredTicks,
            (IntakeRoute)s.Route,
            s.Day,
            (SignalExpiry)s.Expiry);
    }

    private SignalCommit RegistrationCommit(in Signal signal, int youthKey, int count, OrganisationId coordinator, Instant now, string? idempotencyKey)
    {
        var row = StoredOf(signal, StoredSignalState.Active, offered: false);
        var upserts = new List<StoredSignal>(1) { row };
        var events = new List<StoredEvent>(count + 1) { EventDocuments.Registered(signal) };
        var remembered = idempotencyKey is null ? null : new RememberedMatchDocument[count];
        for (var i = 0; i < count; i++)
        {
            var other = _candidateSlots[i];
            if (_candidateKinds[i] == MatchKind.Archived)
            {
                upserts.Add(StoredOf(other) with { OfferedAsMatch = true });
            }

            events.Add(EventDocuments.MatchFound(new Match(_candidateKinds[i], signal, ToSignal(other), coordinator, _candidateFamilies[i], now)));
            if (remembered is not null)
            {
                remembered[i] = new RememberedMatchDocument(_candidateKinds[i], Remembered(StoredOf(other), _slots[other].Youth), coordinator.Value, _candidateFamilies[i]?.Value, now);
            }
        }

        return new SignalCommit(upserts, [], events)
        {
            IdempotencyKeys = idempotencyKey is null
                ? []
                : [EventDocuments.Remember(idempotencyKey, now, new RememberedAnswerDocument(youthKey, signal.Organisation.Value, RegistrationOutcome.Registered, Remembered(row, youthKey), remembered!))],
        };
    }

    // An answer remembers the youth by the index's key, as the in-memory answer does, so a pseudonymised store holds no BSN here either.
    private static RememberedSignalDocument Remembered(in StoredSignal row, int youthKey) =>
        new(row.Id.Value, youthKey, row.Organisation.Value, row.Reporter.Value, row.RegisteredTicks, row.Route, row.DayNumber, row.Expiry);

    private static Signal FromRemembered(RememberedSignalDocument d) =>
        new(new SignalId(d.Id), Bsn.FromStoredKey(d.Youth), new OrganisationId(d.Organisation), new ProfessionalId(d.Reporter), d.RegisteredTicks, d.Route, d.Day, d.Expiry);

    /// <summary>Takes back a key from the store, unless its window has passed (the next expiry run then deletes it from the store).</summary>
    private void RestoreKey(StoredIdempotencyKey stored)
    {
        if (stored.At + Policy.IdempotencyWindow <= _clock.GetCurrentInstant())
        {
            _expiredKeysInStore = true;
            return;
        }

        var answer = EventDocuments.ReadRemembered(stored);
        var signal = FromRemembered(answer.Signal);
        var matches = new Match[answer.Matches.Count];
        for (var i = 0; i < matches.Length; i++)
        {
            var m = answer.Matches[i];
            matches[i] = new Match(m.Kind, signal, FromRemembered(m.Other), new OrganisationId(m.MatchCoordinator), m.Family is { } family ? new FamilyId(family) : null, m.FoundAt);
        }

        _idempotency[stored.Key] = new RememberedRegistration(answer.Youth, answer.Organisation, stored.At, answer.Outcome, signal, matches);
    }

    /// <summary>The one definition of what an expiry run ends: each slot with the reason it ends for.</summary>
    private List<(int Slot, SignalEndReason Reason)> DueForExpiry(int todayNumber, int archiveCutoff)
    {
        var due = new List<(int Slot, SignalEndReason Reason)>();
        var highWater = _slots.HighWater;
        for (var slot = 0; slot < highWater; slot++)
        {
            ref var s = ref _slots[slot];
            if (s.State == SignalSlot.Active && s.Day <= todayNumber)
            {
                due.Add((slot, (SignalExpiry)s.Expiry == SignalExpiry.ActivePeriodEnds ? SignalEndReason.ActivePeriodEnded : SignalEndReason.AgeLimitReached));
            }
            else if (s.State == SignalSlot.Archived && s.Day <= archiveCutoff)
            {
                due.Add((slot, SignalEndReason.ArchivePeriodEnded));
            }
        }

        return due;
    }

    /// <summary>Everything one expiry run will do as one commit, written before any of it happens.</summary>
    private SignalCommit ExpiryCommit(List<(int Slot, SignalEndReason Reason)> due, LocalDate today, Instant now, Instant? forgetKeysUpTo)
    {
        var upserts = new List<StoredSignal>();
        var erasures = new List<SignalId>();
        var events = new List<StoredEvent>();
        foreach (var (slot, reason) in due)
        {
            var signal = ToSignal(slot);
            if (reason != SignalEndReason.ArchivePeriodEnded)
            {
                events.Add(EventDocuments.Expired(signal, now));
            }

            if (reason == SignalEndReason.ActivePeriodEnded)
            {
                upserts.Add(ArchivedRow(slot, today));
                events.Add(EventDocuments.Archived(signal, reason, now));
            }
            else
            {
                erasures.Add(signal.Id);
                events.Add(EventDocuments.Removed(signal, reason, now));
            }
        }

        return new SignalCommit(upserts, erasures, events) { ForgetIdempotencyKeysUpTo = forgetKeysUpTo };
    }

    private StoredSignal ArchivedRow(int slot, LocalDate today) =>
        StoredOf(slot) with { State = StoredSignalState.Archived, DayNumber = LocalCalendar.DayNumber(today), OfferedAsMatch = false };

    private StoredSignal StoredOf(int slot)
    {
        ref var s = ref _slots[slot];
        return StoredOf(ToSignal(slot), s.State == SignalSlot.Archived ? StoredSignalState.Archived : StoredSignalState.Active, s.Offered);
    }

    private StoredSignal StoredOf(in Signal signal, StoredSignalState state, bool offered) =>
        new(signal.Id, YouthKey.FromTrusted(KeyOf(signal.Youth)), signal.Organisation, signal.Reporter, signal.RegisteredAt.ToUnixTimeTicks(), signal.Route, LocalCalendar.DayNumber(signal.ExpiresOn), signal.Expiry, state, offered);

    private Signal ToSignal(in StoredSignal stored) =>
        new(stored.Id, YouthOf(stored.Youth.Value), stored.Organisation, stored.Reporter, stored.RegisteredTicks, stored.Route, stored.DayNumber, stored.Expiry);

    /// <summary>Puts a stored signal back into its slot and chain while the index rebuilds; the store hands them out in identifier order.</summary>
    private void Restore(in StoredSignal stored)
    {
        var key = stored.Youth.Value;
        var table = stored.State == StoredSignalState.Archived ? _archive : _active;
        var slot = _slots.Take();
        ref var s = ref _slots[slot];
        s.Id = stored.Id.Value;
        s.RegisteredTicks = stored.RegisteredTicks;
        s.Youth = key;
        s.Organisation = stored.Organisation.Value;
        s.Reporter = stored.Reporter.Value;
        s.Day = stored.DayNumber;
        s.Route = (byte)stored.Route;
        s.Expiry = (byte)stored.Expiry;
        s.State = stored.State == StoredSignalState.Archived ? SignalSlot.Archived : SignalSlot.Active;
        s.Offered = stored.OfferedAsMatch;
        s.Next = table.HeadOf(key);
        table.SetHead(key, slot);
        _lastId = Math.Max(_lastId, stored.Id.Value);
        if (table == _active)
        {
            _activeCount++;
        }
        else
        {
            _archivedCount++;
        }
    }

    private sealed record RememberedRegistration(int Youth, int Organisation, Instant At, RegistrationOutcome Outcome, Signal Signal, Match[] Matches);

    private sealed class Loader(ReferenceIndex index) : IStoredIndexSink
    {
        public void Add(in StoredSignal signal) => index.Restore(signal);

        public void Add(StoredFamily family) =>
            index.AddFamilyCore(Family.Create(family.Id, family.Youths.Select(k => Bsn.FromTrustedNumber(k.Value)), family.Carers.Select(k => Bsn.FromTrustedNumber(k.Value))));

        public void Add(StoredIdempotencyKey key) => index.RestoreKey(key);
    }

    /// <summary>Writes a family change: as a change set of its own with a store that commits change sets, or straight to any other store.</summary>
    private void WriteFamily(FamilyChange change)
    {
        if (_durable is not null)
        {
            using var scope = ChangeScope.Begin(_durable);
            scope.Add(change);
            scope.Complete();
        }
        else if (change.Family is { } family)
        {
            _store?.SaveFamily(family);
        }
        else
        {
            _store?.RemoveFamily(change.Id);
        }
    }

    /// <summary>
    /// Runs a change the index writes before it applies it (withdrawal, death, expiry). With a store that commits change
    /// sets, the participants hear the change's events first and what they write joins the same change set, committed in
    /// one transaction; then the index's memory changes and the listeners hear the events. With any other store the
    /// commit comes first, then memory, then everyone hears. When the commit throws, nothing changed.
    /// </summary>
    private void WriteThenApply(SignalCommit? commit, List<Action<IReferenceIndexObserver[]>> events, Action apply)
    {
        var audience = _observers;
        if (_durable is not null)
        {
            using var scope = ChangeScope.Begin(_durable);
            if (commit is not null)
            {
                scope.Add(commit);
            }

            foreach (var e in events)
            {
                e(_participants);
            }

            scope.Complete();
            audience = _listeners;
        }
        else if (commit is not null)
        {
            _store!.Commit(commit);
        }

        apply();
        foreach (var e in events)
        {
            e(audience);
        }
    }

    // Static lambdas are cached by the compiler, so publishing allocates nothing.
    private void Publish<TEvent>(in TEvent e, Action<IReferenceIndexObserver, TEvent> deliver)
    {
        if (_batch is not null)
        {
            if (_durable is null)
            {
                // Observers hear of a batch only once it is on disk; a batch the store refused raised nothing.
                DeferDelivery(_batch, e, deliver, _observers);
                return;
            }

            // Participants write into the operation's change set now; listeners hear once it is durable.
            Deliver(_participants, e, deliver);
            if (_listeners.Length > 0)
            {
                DeferDelivery(_batch, e, deliver, _listeners);
            }

            return;
        }

        Deliver(_observers, e, deliver);
    }

    // The batch's closures live in helpers of their own: a lambda in a hot method would allocate its captures on every
    // call, batch or not.
    private static void DeferDelivery<TEvent>(PendingBatch batch, TEvent e, Action<IReferenceIndexObserver, TEvent> deliver, IReferenceIndexObserver[] to) =>
        batch.Deferred.Add(() => Deliver(to, e, deliver));

    private static void DeferMatchMetric(PendingBatch batch, MatchKind kind) => batch.Deferred.Add(() => IndexMetrics.MatchFound(kind));

    private void UndoNewSlot(PendingBatch batch, int key, int slot) => batch.Undo.Add(() =>
    {
        _active.SetHead(key, _slots[slot].Next);
        _slots.Release(slot);
    });

    private void UndoKey(PendingBatch batch, string key)
    {
        var had = _idempotency.TryGetValue(key, out var previous);
        batch.Undo.Add(() =>
        {
            if (had)
            {
                _idempotency[key] = previous!;
            }
            else
            {
                _idempotency.Remove(key);
            }
        });
    }

    private void UndoSlotChange(PendingBatch batch, int slot)
    {
        var before = _slots[slot];
        batch.Undo.Add(() => _slots[slot] = before);
    }

    private static void Deliver<TEvent>(IReferenceIndexObserver[] to, in TEvent e, Action<IReferenceIndexObserver, TEvent> deliver)
    {
        foreach (var observer in to)
        {
            deliver(observer, e);
        }
    }

    /// <summary>Writes one change to the store, or keeps it for the batch's one transaction.</summary>
    private void Commit(SignalCommit commit)
    {
        if (_batch is not null)
        {
            _batch.Commits.Add(commit);
            return;
        }

        _store!.Commit(commit);
    }

    private void Count(Action metric)
    {
        if (_batch is not null)
        {
            _batch.Deferred.Add(metric);
            return;
        }

        metric();
    }

    /// <summary>Puts back everything a batch changed, newest first, when its one write failed.</summary>
    private void Undo(PendingBatch batch)
    {
        for (var i = batch.Undo.Count - 1; i >= 0; i--)
        {
            batch.Undo[i]();
        }

        _lastId = batch.LastId;
        Volatile.Write(ref _activeCount, batch.ActiveCount);
    }

    /// <summary>A batch of registrations under way: its store commits, how to undo its changes, and what to raise once it is on disk.</summary>
    private sealed class PendingBatch(long lastId, int activeCount)
    {
        public long LastId { get; } = lastId;

        public int ActiveCount { get; } = activeCount;

        public List<SignalCommit> Commits { get; } = [];

        public List<Action> Undo { get; } = [];

        public List<Action> Deferred { get; } = [];

        public static SignalCommit Merge(List<SignalCommit> commits) =>
            commits.Count == 1
                ? commits[0]
                : new SignalCommit([.. commits.SelectMany(c => c.Upserts)], [.. commits.SelectMany(c => c.Erasures)], [.. commits.SelectMany(c => c.Events)])
                {
                    IdempotencyKeys = [.. commits.SelectMany(c => c.IdempotencyKeys)],
                };
    }
}
