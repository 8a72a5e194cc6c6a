using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Benchmarks.Replay;

namespace CareCoordination.Sdk.Benchmarks.Baselines;

/// <summary>
/// The whole set of rules the replay needs (renewals, family matches, the archive and its offers, the daily job) the
/// way a vendor writes them first, in the style of <see cref="NaiveDictionaryIndex"/>: BSN strings as keys, a list of
/// signals per youth, LINQ to match, and a daily job that walks every list.
/// </summary>
internal sealed class NaiveReplayIndex(ReplayWorkload workload) : ReplayTarget(workload)
{
    private readonly Dictionary<string, List<NaiveSignal>> _signals = [];
    private readonly Dictionary<int, HashSet<string>> _families = [];

    protected override void RunDailyJob(int day, ReplayCounts counts)
    {
        // Every list, every night, as a first version would; but only a list with something due is copied, or the
        // baseline would spend its night allocating a list per youth and measure the allocator rather than the scan.
        // The two tests made once a night, not once a list: a lambda that captures the day is a new delegate each time.
        Predicate<NaiveSignal> ended = s => !s.IsArchived && s.ActiveUntil <= day;
        Predicate<NaiveSignal> deleted = s => s.IsArchived && s.ArchivedUntil <= day;
        foreach (var list in _signals.Values)
        {
            if (list.Exists(ended))
            {
                Expire(list, day, counts);
            }

            counts.DeletedFromArchive += list.RemoveAll(deleted);
        }
    }

    private void Expire(List<NaiveSignal> list, int day, ReplayCounts counts)
    {
        foreach (var ended in list.Where(s => !s.IsArchived && s.ActiveUntil <= day).ToList())
        {
            if (ended.EndsAtAgeLimit)
            {
                list.Remove(ended);
                counts.RemovedAtAgeLimit++;
            }
            else
            {
                ended.IsArchived = true;
                // The archive keeps it 60 months, or until the youth turns 23 if that comes first.
                ended.ArchivedUntil = Math.Min(Workload.ArchivedUntil[day], ended.AgeLimit);
                ended.IsOffered = false;
                counts.ExpiredToArchive++;
            }
        }
    }

    protected override void Register(int i, int day, ReplayCounts counts)
    {
        var bsn = Workload.BsnText[i];
        var organisation = Workload.Organisation[i];
        var ageLimit = Workload.AgeLimitDay[i];
        if (ageLimit <= day)
        {
            counts.Refused++;
            return;
        }

        var family = Workload.Family[i];
        if (family != 0)
        {
            if (!_families.TryGetValue(family, out var members))
            {
                _families[family] = members = [];
            }

            members.Add(bsn);
        }

        // Active for 24 months, or until the youth turns 23 if that comes first.
        var endsAtAgeLimit = ageLimit <= Workload.ActiveUntil[day];
        var activeUntil = endsAtAgeLimit ? ageLimit : Workload.ActiveUntil[day];
        if (!_signals.TryGetValue(bsn, out var list))
        {
            _signals[bsn] = list = [];
        }

        var own = list.FirstOrDefault(s => !s.IsArchived && s.Organisation == organisation);
        if (own is not null)
        {
            own.ActiveUntil = activeUntil;
            own.EndsAtAgeLimit = endsAtAgeLimit;
            counts.Renewed++;
            return;
        }

        var sameYouth = list.Where(s => !s.IsArchived && s.Organisation != organisation).ToList();
        counts.SameYouthMatches += sameYouth.Count;
        if (family != 0)
        {
            var siblings = _families[family]
                .Where(m => m != bsn)
                .SelectMany(m => _signals.TryGetValue(m, out var theirs) ? theirs : [])
                .Where(s => !s.IsArchived && s.Organisation != organisation)
                .ToList();
            counts.FamilyMatches += siblings.Count;
        }

        foreach (var archived in list.Where(s => s.IsArchived && s.Organisation != organisation && !s.IsOffered))
        {
            archived.IsOffered = true;
            counts.ArchivedMatches++;
        }

        list.Add(new NaiveSignal(organisation) { ActiveUntil = activeUntil, EndsAtAgeLimit = endsAtAgeLimit, AgeLimit = ageLimit });
        counts.Registered++;
    }

    private sealed class NaiveSignal(int organisation)
    {
        public int Organisation { get; } = organisation;

        public int ActiveUntil { get; set; }

        public bool EndsAtAgeLimit { get; set; }

        public int AgeLimit { get; init; }

        public bool IsArchived { get; set; }

        public int ArchivedUntil { get; set; }

        public bool IsOffered { get; set; }
    }
}
