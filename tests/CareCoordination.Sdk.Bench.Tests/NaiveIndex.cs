using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NodaTime;

namespace CareCoordination.Sdk.Bench.Tests;

/// <summary>
/// An independent, deliberately simple reading of the index's rules (docs/concepts and the Jeugdwet defaults), written
/// for the test from the rules, not from the SDK's code: lists of signals, scanned in full for every question.
/// </summary>
internal sealed class NaiveIndex
{
    private readonly List<NaiveSignal> _signals = [];
    private readonly Dictionary<int, HashSet<int>> _families = [];
    private readonly Dictionary<int, int> _familyOf = [];
    private readonly LocalDate _start;

    public NaiveIndex(LocalDate start) => _start = start;

    public long Registered { get; private set; }

    public long Renewed { get; private set; }

    public long Refused { get; private set; }

    public long SameYouth { get; private set; }

    public long Family { get; private set; }

    public long Archived { get; private set; }

    public long ToArchive { get; private set; }

    public long RemovedAt23 { get; private set; }

    public int ActiveAtEnd => _signals.Count(s => s.State == State.Active);

    public int ArchivedAtEnd => _signals.Count(s => s.State == State.Archived);

    /// <summary>Replays the CSV's lines (header first) day by day, with the daily expiry before each day's registrations.</summary>
    public static NaiveIndex Replay(string csv, LocalDate start, int days)
    {
        var lines = File.ReadAllLines(csv).Skip(1)
            .Select(l => l.Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray())
            .Select(f => (Bsn: f[0], Family: f[1], Org: f[2], Day: f[3]));
        return Replay(lines, start, days);
    }

    /// <summary>Replays registrations (BSN, family, organisation, day) day by day, in their order within a day.</summary>
    public static NaiveIndex Replay(IEnumerable<(int Bsn, int Family, int Org, int Day)> registrations, LocalDate start, int days)
    {
        var lines = registrations
            .Select((l, order) => (l.Bsn, l.Family, l.Org, l.Day, Order: order))
            .OrderBy(l => l.Day).ThenBy(l => l.Order).ToList();
        var index = new NaiveIndex(start);
        var next = 0;
        for (var day = 0; day < days; day++)
        {
            index.Expire(day);
            for (; next < lines.Count && lines[next].Day == day; next++)
            {
                index.Register(lines[next].Bsn, lines[next].Family, lines[next].Org, day);
            }
        }

        return index;
    }

    private LocalDate Date(int day) => _start.PlusDays(day);

    // The benchmark's documented rule: born (BSN mod 8,395) days before day 0; the youth leaves the index at 23.
    private LocalDate TwentyThirdBirthday(int bsn) => _start.PlusDays(-(bsn % 8_395)).PlusYears(23);

    private void Expire(int day)
    {
        var today = Date(day);
        foreach (var signal in _signals.ToList())
        {
            if (signal.State == State.Active && signal.Ends <= today)
            {
                if (signal.EndsAt23)
                {
                    _signals.Remove(signal);
                    RemovedAt23++;
                }
                else
                {
                    signal.State = State.Archived;
                    signal.ArchivedOn = today;
                    signal.Offered = false;
                    ToArchive++;
                }
            }
            else if (signal.State == State.Archived && (signal.ArchivedOn.PlusMonths(60) <= today || TwentyThirdBirthday(signal.Bsn) <= today))
            {
                _signals.Remove(signal);
            }
        }
    }

    private void Register(int bsn, int family, int org, int day)
    {
        var today = Date(day);
        var birthday23 = TwentyThirdBirthday(bsn);
        if (birthday23 <= today)
        {
            Refused++;
            return;
        }

        if (family != 0)
        {
            _familyOf[bsn] = family;
            if (!_families.TryGetValue(family, out var members))
            {
                _families[family] = members = [];
            }

            members.Add(bsn);
        }

        var activeEnd = today.PlusMonths(24);
        var (ends, at23) = activeEnd < birthday23 ? (activeEnd, false) : (birthday23, true);
        var own = _signals.FirstOrDefault(s => s.State == State.Active && s.Bsn == bsn && s.Org == org);
        if (own is not null)
        {
            own.Ends = ends;
            own.EndsAt23 = at23;
            Renewed++;
            return;
        }

        SameYouth += _signals.Count(s => s.State == State.Active && s.Bsn == bsn && s.Org != org);
        if (family != 0)
        {
            Family += _signals.Count(s => s.State == State.Active && s.Bsn != bsn && s.Org != org && _families[family].Contains(s.Bsn));
        }

        foreach (var archived in _signals.Where(s => s.State == State.Archived && s.Bsn == bsn && s.Org != org && !s.Offered))
        {
            archived.Offered = true;
            Archived++;
        }

        _signals.Add(new NaiveSignal { Bsn = bsn, Org = org, Ends = ends, EndsAt23 = at23, State = State.Active });
        Registered++;
    }

    private enum State
    {
        Active,
        Archived,
    }

    private sealed class NaiveSignal
    {
        public int Bsn { get; init; }

        public int Org { get; init; }

        public LocalDate Ends { get; set; }

        public bool EndsAt23 { get; set; }

        public State State { get; set; }

        public LocalDate ArchivedOn { get; set; }

        public bool Offered { get; set; }
    }
}
