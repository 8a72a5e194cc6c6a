using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Telemetry;
using NodaTime;

namespace CareCoordination.Sdk.Index;

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
/// <para>Reads of a person's signals and matches go through <see cref="Privacy.Access.PersonDataAccess"/>, which applies the access
/// rules and audits every read; the index offers no public read of a person's data besides the result of a registration.</para>
/// </remarks>
public sealed partial class ReferenceIndex
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
    private readonly GroupCommitter? _committer;

    private readonly SignalSlots _slots = new();
    private readonly YouthRows _youths = new();
    private readonly YouthTable _active;
    private readonly SignalledYouths _signalled = new();
    private readonly YouthTable _archive;
    private readonly FamilyTable _families;
    private readonly SignalLifetime _lifetime;
    private readonly ExpiryCalendar _expiry;
    private readonly List<int> _dueSlots = [];
    private readonly List<(int Slot, SignalEndReason Reason)> _due = [];
    private readonly SignalRows _rows;

    // Candidates of the registration in progress; only touched under the lock.
    private readonly MatchFinder _matching;

    private readonly IdempotencyMemory _idempotency = new();
    private PendingBatch? _batch;

    private long _lastId;
    private readonly YouthKeying _keying;
    private readonly ReporterAuthorisation _authorisation;
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
        : this(policy, directory, clock, store, observers, pseudonymiser, CancellationToken.None)
    {
    }

    private ReferenceIndex(RegionPolicy policy, OrganisationDirectory directory, IClock clock, ISignalStore? store, IEnumerable<IReferenceIndexObserver>? observers, YouthPseudonymiser? pseudonymiser, CancellationToken cancellationToken)
    {
        Policy = Guard.NotNull(policy);
        Directory = Guard.NotNull(directory);
        _clock = Guard.NotNull(clock);
        _calendar = new LocalCalendar(policy.TimeZone, policy.ActivePeriod);
        _active = new YouthTable(_youths, YouthRows.Active);
        _archive = new YouthTable(_youths, YouthRows.Archive);
        _lifetime = new SignalLifetime(policy.ArchivePeriod, new YouthTable(_youths, YouthRows.AgeLimit));
        _expiry = new ExpiryCalendar(_slots, _lifetime);
        _observers = observers is null ? [] : [.. observers];
        _participants = [.. _observers.Where(o => o is IChangeParticipant)];
        _listeners = [.. _observers.Where(o => o is not IChangeParticipant)];
        _keying = YouthKeying.Of(pseudonymiser);
        _rows = new SignalRows(_slots, _keying, _lifetime, _youths);
        _authorisation = new ReporterAuthorisation(policy, directory);
        // A pseudonymised index keeps addresses keyed, so it compares the institutions' addresses keyed too.
        _families = new FamilyTable(_keying.IsPseudonymised ? policy.InstitutionAddresses.Select(_keying.KeyOf).ToHashSet() : policy.InstitutionAddresses, _youths);
        _matching = new MatchFinder(_slots, _active, directory, policy);
        if (store is null)
        {
            return;
        }

        lock (_gate)
        {
            store.Load(new Loader(this, cancellationToken));
            CalendarAllSlots();
            CountSignalledYouths();
            _keying.Claim(store, _activeCount + _archivedCount > 0);
            if (_idempotency.TakeClearKeysInStore() is { } hashed)
            {
                store.Commit(hashed);
            }
        }

        IndexMetrics.SignalsRestored(_activeCount);

        _store = store;
        _durable = store as ICareCoordinationStore;
        _committer = _durable is null ? null : GroupCommitter.For(_durable);
    }

    /// <summary>
    /// Opens an index backed by a durable store: rebuilds it from what the store holds on a thread of the pool, checking
    /// for cancellation between rows, so that a host can start other work, or give up, while a large index loads.
    /// </summary>
    /// <param name="policy">The region's rules.</param>
    /// <param name="directory">The region's organisations and professionals.</param>
    /// <param name="clock">The source of time.</param>
    /// <param name="store">The durable store to rebuild from and write to.</param>
    /// <param name="observers">Who receives the domain events, in this order; may be empty.</param>
    /// <param name="pseudonymiser">The keyed pseudonymisation of BSNs, or <see langword="null"/> to key the index by the BSN itself.</param>
    /// <param name="cancellationToken">Cancels the rebuild; the half-built index is dropped and the store is unchanged.</param>
    /// <returns>The rebuilt index.</returns>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">The rebuild was cancelled.</exception>
    public static Task<ReferenceIndex> OpenAsync(RegionPolicy policy, OrganisationDirectory directory, IClock clock, ISignalStore store, IEnumerable<IReferenceIndexObserver>? observers = null, YouthPseudonymiser? pseudonymiser = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(store);
        return Task.Run(() => new ReferenceIndex(policy, directory, clock, store, observers, pseudonymiser, cancellationToken), cancellationToken);
    }

    /// <summary>Gets a value indicating whether the index keys youths by a keyed pseudonym instead of the BSN.</summary>
    public bool IsPseudonymised => _keying.IsPseudonymised;

    /// <summary>Gets how the index keys youths in memory and in its store; the other areas must key them the same way.</summary>
    public YouthKeying Keying => _keying;

    /// <summary>Gets the region's rules.</summary>
    public RegionPolicy Policy { get; }

    /// <summary>Gets the region's organisations and professionals.</summary>
    public OrganisationDirectory Directory { get; }

    /// <summary>Gets the number of active signals; a signal past its end date no longer counts, even before <see cref="ExpireDue"/> ran.</summary>
    public int ActiveSignalCount => CountsAreExact() ? Volatile.Read(ref _activeCount) : EffectiveCounts().Active;

    /// <summary>Gets the number of signals in the historical archive, as the law has it today: with signals past their active period, without those past the archive period.</summary>
    public int ArchivedSignalCount => CountsAreExact() ? Volatile.Read(ref _archivedCount) : EffectiveCounts().Archived;

    /// <summary>Gets the number of youths with at least one active signal.</summary>
    public int SignalledYouthCount
    {
        get
        {
            lock (_gate)
            {
                return _signalled.CountOn(TodayNumber());
            }
        }
    }

    /// <summary>
    /// Reserves room for a number of active signals and signalled youths, active or archived, so that loading or
    /// registering them does not grow the tables step by step. Growth is otherwise automatic. The memory is taken from
    /// the system here, at start, not page by page under the registrations.
    /// </summary>
    /// <param name="signals">The number of signals to make room for.</param>
    /// <param name="youths">The number of distinct youths to make room for.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative.</exception>
    public void EnsureCapacity(int signals, int youths) => EnsureCapacity(signals, youths, families: 0);

    /// <summary>
    /// Reserves room for a number of active signals, signalled youths and families the population register feeds, so
    /// that loading or registering them and adding the families does not grow the tables step by step. A family is
    /// reserved as three youths, each with two siblings; larger families, parents and addresses grow the tables as
    /// they come. The memory is taken from the system here, at start, not page by page under the registrations.
    /// </summary>
    /// <param name="signals">The number of signals to make room for.</param>
    /// <param name="youths">The number of distinct youths to make room for.</param>
    /// <param name="families">The number of families to make room for.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative, or there are more families than half of <see cref="int.MaxValue"/>.</exception>
    public void EnsureCapacity(int signals, int youths, int families)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(signals);
        ArgumentOutOfRangeException.ThrowIfNegative(youths);
        ArgumentOutOfRangeException.ThrowIfNegative(families);
        // Two youths a family: more than half of int.MaxValue families could not be counted in youths.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(families, int.MaxValue / 2);
        lock (_gate)
        {
            _slots.EnsureCapacity(signals);
            _youths.EnsureCapacity(youths);
            _expiry.EnsureCapacity(signals);
            _families.EnsureCapacity(families);
        }
    }

    /// <summary>Measures the memory the index holds for its signals and youths, for capacity planning.</summary>
    /// <returns>The bytes of the signal slots and the two youth tables.</returns>
    internal long MeasureAllocatedBytes()
    {
        lock (_gate)
        {
            return _slots.AllocatedBytes + _youths.AllocatedBytes + _expiry.AllocatedBytes;
        }
    }

    // Where a BSN becomes the index's key and back, the keying decides: the number itself, or its keyed pseudonym.
    private int KeyOf(Bsn youth) => _keying.NumberOf(youth);

    private Bsn YouthOf(int key) => _keying.PersonOf(key);

    // The index keeps a family's members by key, carried in Bsn values as the slots carry keys in ints.
    private static YouthKey KeyFrom(Bsn keyed) => YouthKey.FromTrusted(keyed.RevealNumber());

    // A pseudonymised index keeps its families by key too; unpseudonymised, a family is its own mapping.
    private Family MapMembers(Family family, Func<Bsn, Bsn> map) =>
        _keying.IsPseudonymised ? Family.Create(family.Id, family.Youths.Select(map), family.Carers.Select(map), family.Address is { } address ? _keying.KeyOf(address) : null, family.Municipality) : family;

    // Remembered answers stay in memory for the idempotency window; a pseudonymised index keeps them pseudonymised too.
    private Signal Conceal(Signal signal) => _keying.IsPseudonymised ? signal.WithYouth(Bsn.FromTrustedNumber(KeyOf(signal.Youth))) : signal;

    private Signal Reveal(Signal signal) => _keying.IsPseudonymised ? signal.WithYouth(YouthOf(signal.Youth.RevealNumber())) : signal;

    private Match Conceal(Match match) => _keying.IsPseudonymised ? match.WithYouths(Bsn.FromTrustedNumber(KeyOf(match.Youth)), Bsn.FromTrustedNumber(KeyOf(match.OtherYouth))) : match;

    private Match Reveal(Match match) => _keying.IsPseudonymised ? match.WithYouths(YouthOf(match.Youth.RevealNumber()), YouthOf(match.OtherYouth.RevealNumber())) : match;

    private Signal ToSignal(int slot) => ToSignal(slot, 0, default);

    // Most signals an answer holds are on the youth the caller named; their BSN needs no inverse pseudonym.
    private Signal ToSignal(int slot, int knownKey, Bsn knownYouth) => _rows.SignalOf(slot, knownKey, knownYouth);

    /// <summary>Puts a stored signal back into its slot and chain while the index rebuilds; the store hands them out in identifier order.</summary>
    private void Restore(in StoredSignal stored)
    {
        var key = stored.Youth.Value;
        var table = stored.State == StoredSignalState.Archived ? _archive : _active;
        var slot = _slots.Take();
        _rows.Fill(slot, stored);
        _slots[slot].Next = table.HeadOf(key);
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

    private sealed class Loader(ReferenceIndex index, System.Threading.CancellationToken cancellationToken) : IStoredIndexSink
    {
        // The signals the store handed back, so that a remembered answer can leave out the matches of erased ones.
        private readonly HashSet<long> _signals = [];

        public void Add(in StoredSignal signal)
        {
            cancellationToken.ThrowIfCancellationRequested();
            index.Restore(signal);
            _signals.Add(signal.Id.Value);
        }

        public void Add(StoredFamily family) =>
            index._families.AddOrReplace(Family.Create(family.Id, family.Youths.Select(k => Bsn.FromTrustedNumber(k.Value)), family.Carers.Select(k => Bsn.FromTrustedNumber(k.Value)), family.Address is { } address ? index._keying.KeyOf(address) : null, family.Municipality));

        public void SignalIdsUsedUpTo(SignalId last) => index._lastId = Math.Max(index._lastId, last.Value);

        public void Add(StoredIdempotencyKey key) => index._idempotency.Restore(key, index._clock.GetCurrentInstant() - index.Policy.IdempotencyWindow, id => _signals.Contains(id.Value), index._keying);
    }
}
