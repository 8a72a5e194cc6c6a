using System.Runtime.CompilerServices;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Index;

/// <summary>
/// The lifetime of a signal (domain rule 4; Jeugdwet art. 7.1.4.5–7.1.4.6 as the default policy): a signal is active
/// until its end date — the end of the active period, or the day the youth reaches the age limit when that comes first;
/// then it is archived for the archive period (when the active period ended or the reporter judged the risk gone) and
/// deleted after it; an archived signal is deleted sooner, on the day the youth reaches the age limit. Removal as
/// unjustified, on an upheld objection or on an erasure request never archives.
/// </summary>
/// <remarks>
/// <para>The dates decide, not the daily job: <see cref="EffectiveState"/> says what a slot is on a day whatever its
/// stored state, and every read, match and count asks it. <see cref="ReferenceIndex.ExpireDue"/> only tidies the slots
/// up, in the order <see cref="ExpiryCalendar"/> keeps them.</para>
/// <para>The age-limit day (the 23rd birthday by law) is kept, by youth key, only for a youth whose archived signals
/// could still be kept past it: a signal whose end date plus the archive period passes the youth's age-limit day (by law,
/// made from about the 16th birthday on). Every other youth's archive ends on its own before the age limit, so the
/// index keeps no date of birth for it. The day is forgotten with the youth's last signal.</para>
/// <para>Not thread-safe: the index calls it under its lock.</para>
/// </remarks>
internal sealed class SignalLifetime(Period archivePeriod, YouthTable ageLimits)
{
    /// <summary>The effective state of a slot that is free, or no longer kept by the law.</summary>
    public const byte Gone = 0;

    /// <summary>No age-limit day is kept for the youth.</summary>
    public const int NoAgeLimit = -1;

    private readonly Period _archivePeriod = archivePeriod;
    private readonly YouthTable _ageLimits = ageLimits;
    private int _cutoffToday = -1;
    private int _cutoff;

    // The period arithmetic (about 40 ns) costs more than the rest of archiving a signal. The calls do not come in
    // runs of one day: a registration asks for the day its signal ends, and between two registrations the calendar asks
    // for the archived signals of a youth whose age limit it keeps, each archived on a day of its own. So the days
    // asked for are remembered by their low bits, 512 of them (a year and a half of consecutive days), in 4 KB.
    private const int RememberedEnds = 512;
    private readonly int[] _archiveEndFor = NewArchiveEndKeys();
    private readonly int[] _archiveEnd = new int[RememberedEnds];

    /// <summary>The latest archive day number whose archive period has ended by <paramref name="today"/>; remembered for the day.</summary>
    public int ArchiveCutoff(int todayNumber, LocalDate today)
    {
        if (_cutoffToday != todayNumber)
        {
            _cutoff = LocalCalendar.DayNumber(LatestArchiveDateDue(today));
            _cutoffToday = todayNumber;
        }

        return _cutoff;
    }

    /// <summary>
    /// The latest archive date whose archive period has ended by <paramref name="today"/>. Subtracting the period is
    /// not enough: month arithmetic truncates (29 February plus five years is 28 February), so step forward while the
    /// next day's period has also ended.
    /// </summary>
    public LocalDate LatestArchiveDateDue(LocalDate today)
    {
        var cutoff = today.Minus(_archivePeriod);
        while (cutoff.PlusDays(1).Plus(_archivePeriod) <= today)
        {
            cutoff = cutoff.PlusDays(1);
        }

        return cutoff;
    }

    /// <summary>The youth's kept age-limit day number, or <see cref="NoAgeLimit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int AgeLimitOf(int youth) => _ageLimits.Count == 0 ? NoAgeLimit : _ageLimits.HeadOf(youth);

    /// <summary>Starts loading the youth's row, which holds its kept age-limit day and its chains (<see cref="YouthTable.Prefetch"/>).</summary>
    public void PrefetchRowOf(int youth) => _ageLimits.Prefetch(youth);

    /// <summary>
    /// The age-limit day a youth kept with <paramref name="kept"/> (its row's, or <see cref="NoAgeLimit"/>) is to be kept
    /// with once a signal ending on <paramref name="endsOn"/> is registered or renewed, given the age-limit day
    /// <paramref name="ageLimit"/> worked out from the date of birth the registration gives: the day when that signal
    /// could be archived past it, the earlier of two when the youth was given with two birth dates (so no archive
    /// outlives either), or the one already kept; <see cref="NoAgeLimit"/> when none is needed. Changes nothing: the
    /// index keeps it with <see cref="Set"/> once the registration is written.
    /// </summary>
    public int AgeLimitAfter(int kept, int endsOn, int ageLimit) =>
        ArchiveEndDay(endsOn) > ageLimit && (kept == NoAgeLimit || ageLimit < kept) ? ageLimit : kept;

    /// <summary>Keeps an age-limit day for the youth, the earlier of it and the one already kept.</summary>
    /// <returns>The kept day number.</returns>
    public int Keep(int youth, int ageLimit)
    {
        var kept = AgeLimitOf(youth);
        if (kept == NoAgeLimit || ageLimit < kept)
        {
            _ageLimits.SetHead(youth, ageLimit);
            return ageLimit;
        }

        return kept;
    }

    /// <summary>Sets the youth's kept age-limit day as it was, or forgets it with <see cref="NoAgeLimit"/>.</summary>
    public void Set(int youth, int ageLimit) => _ageLimits.SetHead(youth, ageLimit);

    /// <summary>The day number the archive period of a signal archived on <paramref name="archivedOn"/> ends, without the age limit.</summary>
    public int ArchiveEndDay(int archivedOn)
    {
        var at = archivedOn & (RememberedEnds - 1);
        if (_archiveEndFor[at] != archivedOn)
        {
            _archiveEnd[at] = LocalCalendar.DayNumber(LocalCalendar.FromDayNumber(archivedOn).Plus(_archivePeriod));
            _archiveEndFor[at] = archivedOn;
        }

        return _archiveEnd[at];
    }

    private static int[] NewArchiveEndKeys()
    {
        var keys = new int[RememberedEnds];
        System.Array.Fill(keys, int.MinValue);
        return keys;
    }

    /// <summary>The day number a signal archived on <paramref name="archivedOn"/> leaves the archive: the end of the archive period or the youth's age-limit day, whichever is first.</summary>
    public int PurgeDay(int archivedOn, int youth)
    {
        var end = ArchiveEndDay(archivedOn);
        var ageLimit = AgeLimitOf(youth);
        return ageLimit != NoAgeLimit && ageLimit < end ? ageLimit : end;
    }

    /// <summary>Whether a signal archived on <paramref name="archivedOn"/> is still kept on <paramref name="today"/>.</summary>
    public bool ArchiveKept(int archivedOn, int youth, int today, int archiveCutoff)
    {
        if (archivedOn <= archiveCutoff)
        {
            return false;
        }

        var ageLimit = AgeLimitOf(youth);
        return ageLimit == NoAgeLimit || ageLimit > today;
    }

    /// <summary>What a slot is on <paramref name="today"/>: active, archived, or gone (free or no longer kept), whatever its stored state says.</summary>
    public byte EffectiveState(ref SignalSlot s, int today, int archiveCutoff)
    {
        if (s.State == SignalSlot.Active)
        {
            if (s.Day > today)
            {
                return SignalSlot.Active;
            }

            return s.Expiry == (byte)SignalExpiry.ActivePeriodEnds && ArchiveKept(s.Day, s.Youth, today, archiveCutoff) ? SignalSlot.Archived : Gone;
        }

        return s.State == SignalSlot.Archived && ArchiveKept(s.Day, s.Youth, today, archiveCutoff) ? SignalSlot.Archived : Gone;
    }

    /// <summary>The day a slot next changes its effective state by itself: its end date when active, the day it leaves the archive when archived.</summary>
    public int DueDayOf(ref SignalSlot s) => s.State == SignalSlot.Active ? s.Day : PurgeDay(s.Day, s.Youth);

    /// <summary>
    /// Why a slot that fell due by <paramref name="today"/> ends: an active one is archived when its active period ended
    /// and the archive still keeps it, and removed at the age limit, or past the archive period when the daily job did
    /// not run for that long; an archived one is deleted at the age limit or at the end of the archive period, whichever came first.
    /// </summary>
    public SignalEndReason EndReason(ref SignalSlot s, int today, int archiveCutoff)
    {
        if (s.State == SignalSlot.Active)
        {
            if (s.Expiry != (byte)SignalExpiry.ActivePeriodEnds)
            {
                return SignalEndReason.AgeLimitReached;
            }

            if (EffectiveState(ref s, today, archiveCutoff) == SignalSlot.Archived)
            {
                return SignalEndReason.ActivePeriodEnded;
            }
        }

        var ageLimit = AgeLimitOf(s.Youth);
        return ageLimit != NoAgeLimit && ageLimit <= today && ageLimit < ArchiveEndDay(s.Day) ? SignalEndReason.AgeLimitReached : SignalEndReason.ArchivePeriodEnded;
    }

    /// <summary>Whether the slot falls due by <paramref name="today"/>: it is taken and its effective state differs from its stored one.</summary>
    public bool IsDue(ref SignalSlot s, int today) => s.State != SignalSlot.Free && DueDayOf(ref s) <= today;
}
