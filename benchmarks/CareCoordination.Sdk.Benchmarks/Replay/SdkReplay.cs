using System;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// The SDK's <see cref="ReferenceIndex"/> in memory, driven through its public API only, as a vendor's system would:
/// <see cref="ReferenceIndex.ExpireDue"/> each night on a fake clock, <see cref="ReferenceIndex.AddOrReplaceFamily"/>
/// when a second youth of a family is signalled, and the allocation-free <c>Register(in, Span&lt;Match&gt;)</c>; keyed by
/// BSN, or by a <see cref="YouthPseudonymiser"/>'s pseudonym as a region that keeps no BSN runs it.
/// </summary>
internal sealed class SdkReplay : ReplayTarget
{
    private readonly FakeClock _clock;
    private readonly ReferenceIndex _index;

    // Wide enough for every match one registration finds here (one per other signal on the youth and its siblings);
    // Register checks it below rather than letting a count go missing.
    private readonly Match[] _matches = new Match[256];
    private readonly ReplayAllocations? _allocations;
    private long _step;

    public SdkReplay(ReplayWorkload workload, ReplayAllocations? allocations = null, bool presized = false, YouthPseudonymiser? pseudonymiser = null)
        : base(workload)
    {
        _allocations = allocations;
        _clock = new FakeClock(workload.JobAt[0]);
        _index = new ReferenceIndex(RegionPolicy.Default, workload.Directory, _clock, store: null, observers: null, pseudonymiser);
        if (presized)
        {
            // As a host that knows its region's size reserves the tables at start: every registration is a signal at
            // most, the youths are the region's, and the families are those the population register will feed.
            _index.EnsureCapacity(workload.Count, workload.Youths, workload.FamiliesFed);
        }
    }

    public ReferenceIndex Index => _index;

    protected override void RunDailyJob(int day, ReplayCounts counts)
    {
        _clock.Reset(Workload.JobAt[day]);
        var since = Mark();
        var report = _index.ExpireDue();
        _allocations?.Add(ReplayAllocations.Phase.DailyJob, since);
        counts.ExpiredToArchive += report.Archived;
        counts.RemovedAtAgeLimit += report.RemovedAtAgeLimit;
        counts.DeletedFromArchive += report.DeletedFromArchive;
    }

    protected override void BeginDay(int day)
    {
        // The day's registrations spread over office hours, 08:00 to 18:00, so each has its own instant.
        var count = Workload.DayStart[day + 1] - Workload.DayStart[day];
        _step = count == 0 ? 0 : Duration.FromHours(10).BclCompatibleTicks / count;
        _clock.Reset(Workload.WorkAt[day]);
    }

    protected override void Register(int i, int day, ReplayCounts counts)
    {
        _clock.AdvanceTicks(_step);
        if (Workload.FamilyBefore[i] is { } family)
        {
            var changing = Mark();
            _index.AddOrReplaceFamily(family);
            _allocations?.Add(ReplayAllocations.Phase.FamilyChange, changing);
        }

        var since = Mark();
        var result = _index.Register(in Workload.Registrations[i], _matches);
        _allocations?.Add(PhaseOf(result), since);
        switch (result.Outcome)
        {
            case RegistrationOutcome.Registered:
                counts.Registered++;
                break;
            case RegistrationOutcome.Renewed:
                // Counted on, not returned from: a renewal should match nothing, and the test holds the SDK to that.
                counts.Renewed++;
                break;
            default:
                counts.Refused++;
                return;
        }

        if (result.MatchCount > _matches.Length)
        {
            throw new InvalidOperationException($"Registration {i} found {result.MatchCount} matches, more than the {_matches.Length} the replay can count.");
        }

        foreach (var match in _matches.AsSpan(0, result.MatchCount))
        {
            switch (match.Kind)
            {
                case MatchKind.SameYouth:
                    counts.SameYouthMatches++;
                    break;
                case MatchKind.Family:
                    counts.FamilyMatches++;
                    break;
                default:
                    counts.ArchivedMatches++;
                    break;
            }
        }
    }

    // The probe's clock and allocation reads only when it runs, so that the benchmark times the index and nothing else.
    private (long Bytes, long Ticks, long Paused) Mark() => _allocations is null ? default : ReplayAllocations.Now;

    private ReplayAllocations.Phase PhaseOf(RegistrationResult result)
    {
        if (result.Outcome != RegistrationOutcome.Registered)
        {
            return ReplayAllocations.Phase.RenewalOrRefusal;
        }

        var phase = ReplayAllocations.Phase.RegistrationWithoutMatch;
        foreach (var match in _matches.AsSpan(0, Math.Min(result.MatchCount, _matches.Length)))
        {
            var of = match.Kind switch
            {
                MatchKind.SameYouth => ReplayAllocations.Phase.RegistrationWithSameYouthMatchOnly,
                MatchKind.Family => ReplayAllocations.Phase.RegistrationWithFamilyMatch,
                _ => ReplayAllocations.Phase.RegistrationWithArchivedMatch,
            };
            phase = of > phase ? of : phase;
        }

        return phase;
    }
}
