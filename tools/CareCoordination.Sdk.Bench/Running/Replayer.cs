using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using CareCoordination.Sdk.Bench.Workloads;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>
/// Replays a workload through a <see cref="ReferenceIndex"/> day by day on a simulated clock: at 02:00 the daily
/// expiry job, from 08:00 to 18:00 the day's registrations, spread over the clients. A youth's registrations (and
/// all of a family's) always go to the same client, in order, so every client count finds the same matches and only
/// the timing differs. It uses the SDK's public API only, as a vendor's system would.
/// </summary>
internal static class Replayer
{
    private static readonly OrganisationKind[] Kinds =
    [
        OrganisationKind.YouthHealthCare, OrganisationKind.GeneralSocialWork, OrganisationKind.YouthCare,
        OrganisationKind.YouthAndFamilyCentre, OrganisationKind.MentalHealthCare, OrganisationKind.YouthProtection,
        OrganisationKind.PublicHealthService, OrganisationKind.Mee,
    ];

    private static readonly ReportingCriterion[] Criteria =
    [
        ReportingCriterion.SeriousUpbringingProblems, ReportingCriterion.SchoolAbsenceOrDropout,
        ReportingCriterion.PsychologicalProblemsOrAddiction, ReportingCriterion.FinancialProblems,
    ];

    public static ClientRun Run(Workload workload, BenchTarget target, int clients, Action<int, int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var policy = RegionPolicy.Default;
        var directory = CreateDirectory(workload);
        var registrations = CreateRegistrations(workload);
        var bsns = new Bsn[workload.Count];
        for (var i = 0; i < bsns.Length; i++)
        {
            bsns[i] = registrations[i].Youth.Bsn;
        }

        var partitions = Partition(workload, clients);
        var latencies = new long[workload.Count];
        var yearOfDay = YearOfDay(workload);
        var workers = new Worker[clients];
        for (var t = 0; t < clients; t++)
        {
            workers[t] = new Worker(yearOfDay[^1] + 1);
        }

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = new SimulatedClock(At(workload.Start, 0, new LocalTime(0, 0), policy));
        var store = target.OpenEmpty();
        var index = store is null ? new ReferenceIndex(policy, directory, clock) : new ReferenceIndex(policy, directory, clock, store);
        var feed = FeedDoor(index, clock);

        var expiryTicks = new long[workload.Days];
        long archived = 0, removed = 0, deleted = 0;
        var registering = new Stopwatch();
        var day = 0;
        long step = 0;
        Exception? failure = null;
        using var barrier = new Barrier(clients + 1);
        var threads = new Thread[clients];
        for (var t = 0; t < clients; t++)
        {
            var worker = workers[t];
            var partition = partitions[t];
            threads[t] = new Thread(() =>
            {
                while (true)
                {
                    barrier.SignalAndWait();
                    var d = Volatile.Read(ref day);
                    if (d < 0)
                    {
                        return;
                    }

                    try
                    {
                        worker.RunDay(index, feed, clock, registrations, bsns, workload, partition, d, Volatile.Read(ref step), latencies, yearOfDay[d]);
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref failure, e, null);
                    }

                    barrier.SignalAndWait();
                }
            })
            {
                IsBackground = true,
                Name = string.Create(CultureInfo.InvariantCulture, $"client {t + 1}"),
            };
            threads[t].Start();
        }

        var dayStart = DayStarts(workload);
        try
        {
            for (var d = 0; d < workload.Days; d++)
            {
                clock.SetTo(At(workload.Start, d, new LocalTime(2, 0), policy));
                var started = Stopwatch.GetTimestamp();
                var report = index.ExpireDue();
                expiryTicks[d] = Stopwatch.GetTimestamp() - started;
                archived += report.Archived;
                removed += report.RemovedAtAgeLimit;
                deleted += report.DeletedFromArchive;

                var count = dayStart[d + 1] - dayStart[d];
                clock.SetTo(At(workload.Start, d, new LocalTime(8, 0), policy));
                Volatile.Write(ref step, count == 0 ? 0 : Duration.FromHours(10).BclCompatibleTicks / count);
                Volatile.Write(ref day, d);
                registering.Start();
                barrier.SignalAndWait();
                barrier.SignalAndWait();
                registering.Stop();
                if (failure is not null)
                {
                    throw new InvalidOperationException($"The replay failed on simulated day {d}: {failure.Message}", failure);
                }

                progress?.Invoke(d + 1, workload.Days);
            }
        }
        finally
        {
            Volatile.Write(ref day, -1);
            barrier.SignalAndWait();
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var activeAtEnd = index.ActiveSignalCount;
        var archivedAtEnd = index.ArchivedSignalCount;
        GC.KeepAlive(index);
        target.Close(store);
        var storeBytes = target.SizeOnDisk();
        double? rebuildSeconds = null;
        bool? rebuildMatches = null;
        if (target.IsDurable)
        {
            index = null!;
            GC.Collect();
            var started = Stopwatch.GetTimestamp();
            var reopened = target.Reopen();
            var rebuilt = new ReferenceIndex(policy, directory, clock, reopened);
            rebuildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            rebuildMatches = rebuilt.ActiveSignalCount == activeAtEnd && rebuilt.ArchivedSignalCount == archivedAtEnd;
            target.Close(reopened);
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return Summarise(workload, workers, clients, latencies, expiryTicks, registering.Elapsed.TotalSeconds, yearOfDay) with
        {
            ExpiredToArchive = archived,
            RemovedAtAgeLimit = removed,
            DeletedFromArchive = deleted,
            ActiveAtEnd = activeAtEnd,
            ArchivedAtEnd = archivedAtEnd,
            IndexHeapBytes = Math.Max(0, heapAfter - heapBefore),
            PeakWorkingSetBytes = process.PeakWorkingSet64,
            StoreBytes = storeBytes,
            RebuildSeconds = rebuildSeconds,
            RebuildMatches = rebuildMatches,
        };
    }

    /// <summary>The region's organisations, each with one designated reporter (the index checks no more than that).</summary>
    public static OrganisationDirectory CreateDirectory(Workload workload)
    {
        var directory = new OrganisationDirectory();
        foreach (var id in workload.OrganisationIds)
        {
            var organisation = new OrganisationId(id);
            var name = string.Create(CultureInfo.InvariantCulture, $"Organisation {id}");
            directory.AddOrReplace(new Organisation(organisation, name, Kinds[id % Kinds.Length], new ContactDetails("030 000 0000", "signalen@organisatie.example"), hasMunicipalAgreement: true));
            directory.AddOrReplace(new Professional(new ProfessionalId(id), organisation, "Reporter of " + name, new ContactDetails("06 0000 0000", "reporter@organisatie.example"), isDesignatedReporter: true));
        }

        return directory;
    }

    private static SignalRegistration[] CreateRegistrations(Workload workload)
    {
        var registrations = new SignalRegistration[workload.Count];
        var youths = new Dictionary<int, Youth>();
        for (var i = 0; i < registrations.Length; i++)
        {
            var number = workload.BsnNumbers[i];
            if (!youths.TryGetValue(number, out var youth))
            {
                var bsn = Bsn.Parse(number.ToString("D9", CultureInfo.InvariantCulture));
                youth = new Youth(bsn, SyntheticYouths.DateOfBirthOf(number, workload.Start));
                youths.Add(number, youth);
            }

            var organisation = workload.Organisations[i];
            registrations[i] = new SignalRegistration(youth, new OrganisationId(organisation), new ProfessionalId(organisation), Criteria[i % Criteria.Length]);
        }

        return registrations;
    }

    /// <summary>The registrations of each client: a family's (or a youth's without family) always to the same one.</summary>
    private static int[][] Partition(Workload workload, int clients)
    {
        var lists = new List<int>[clients];
        for (var t = 0; t < clients; t++)
        {
            lists[t] = new List<int>(workload.Count / clients + 1);
        }

        for (var i = 0; i < workload.Count; i++)
        {
            var key = workload.Families[i] != 0 ? workload.Families[i] : workload.BsnNumbers[i];
            lists[(int)((uint)key % (uint)clients)].Add(i);
        }

        var result = new int[clients][];
        for (var t = 0; t < clients; t++)
        {
            result[t] = [.. lists[t]];
        }

        return result;
    }

    private static int[] DayStarts(Workload workload)
    {
        var starts = new int[workload.Days + 1];
        var i = 0;
        for (var d = 0; d <= workload.Days; d++)
        {
            while (i < workload.Count && workload.DayNumbers[i] < d)
            {
                i++;
            }

            starts[d] = i;
        }

        return starts;
    }

    private static int[] YearOfDay(Workload workload)
    {
        var years = new int[workload.Days];
        var year = 0;
        var next = workload.Start.PlusYears(1);
        for (var d = 0; d < years.Length; d++)
        {
            if (workload.Start.PlusDays(d) >= next)
            {
                year++;
                next = workload.Start.PlusYears(year + 1);
            }

            years[d] = year;
        }

        return years;
    }

    private static Instant At(LocalDate start, int day, LocalTime time, RegionPolicy policy) =>
        start.PlusDays(day).At(time).InZoneLeniently(policy.TimeZone).ToInstant();

    private static ClientRun Summarise(Workload workload, Worker[] workers, int clients, long[] latencies, long[] expiryTicks, double registrationSeconds, int[] yearOfDay)
    {
        long registered = 0, renewed = 0, sameYouth = 0, family = 0, archivedMatches = 0, familyUpdates = 0;
        var refused = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var familyTicks = new List<long>();
        var years = new long[yearOfDay[^1] + 1, 4];
        foreach (var worker in workers)
        {
            registered += worker.Registered;
            renewed += worker.Renewed;
            sameYouth += worker.SameYouth;
            family += worker.FamilyMatches;
            archivedMatches += worker.Archived;
            familyUpdates += worker.FamilyTicks.Count;
            familyTicks.AddRange(worker.FamilyTicks);
            foreach (var (reason, count) in worker.Refused)
            {
                refused[reason] = refused.GetValueOrDefault(reason) + count;
            }

            for (var y = 0; y < years.GetLength(0); y++)
            {
                for (var k = 0; k < 4; k++)
                {
                    years[y, k] += worker.Years[y, k];
                }
            }
        }

        var overRun = LatencyOverRun(workload, latencies);
        var registerSummary = LatencySummary.Of("register a signal (with its matches)", (long[])latencies.Clone());
        var yearCounts = new List<YearCounts>();
        for (var y = 0; y < years.GetLength(0); y++)
        {
            yearCounts.Add(new YearCounts(y + 1, years[y, 0], years[y, 1], years[y, 2], years[y, 3]));
        }

        return new ClientRun
        {
            Clients = clients,
            Registered = registered,
            Renewed = renewed,
            Refused = refused,
            SameYouthMatches = sameYouth,
            FamilyMatches = family,
            ArchivedMatches = archivedMatches,
            FamilyUpdates = familyUpdates,
            ExpiredToArchive = 0,
            RemovedAtAgeLimit = 0,
            DeletedFromArchive = 0,
            ActiveAtEnd = 0,
            ArchivedAtEnd = 0,
            RegistrationSeconds = registrationSeconds,
            ExpirySeconds = LatencySummary.Micro(Sum(expiryTicks)) / 1_000_000,
            Throughput = registrationSeconds > 0 ? workload.Count / registrationSeconds : 0,
            Latencies =
            [
                registerSummary,
                LatencySummary.Of("add or replace a family (when a second youth of it is signalled)", familyTicks.ToArray()),
                LatencySummary.Of("daily expiry job (ExpireDue)", (long[])expiryTicks.Clone()),
            ],
            LatencyOverRun = overRun,
            Years = yearCounts,
            IndexHeapBytes = 0,
            PeakWorkingSetBytes = 0,
            StoreBytes = null,
        };
    }

    /// <summary>Registration latency percentiles per stretch of days (about 60 stretches over the run).</summary>
    private static List<LatencyPoint> LatencyOverRun(Workload workload, long[] latencies)
    {
        var points = new List<LatencyPoint>();
        var width = Math.Max(7, workload.Days / 60);
        var from = 0;
        for (var first = 0; first < workload.Days; first += width)
        {
            var to = from;
            while (to < workload.Count && workload.DayNumbers[to] < first + width)
            {
                to++;
            }

            if (to > from)
            {
                var slice = latencies.AsSpan(from, to - from).ToArray();
                Array.Sort(slice);
                points.Add(new LatencyPoint(
                    first,
                    LatencySummary.Micro(LatencySummary.Percentile(slice, 0.50)),
                    LatencySummary.Micro(LatencySummary.Percentile(slice, 0.95)),
                    LatencySummary.Micro(LatencySummary.Percentile(slice, 0.99))));
            }

            from = to;
        }

        return points;
    }

    private static double Sum(long[] values)
    {
        double total = 0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }

    /// <summary>One client: its counters and the families it has told the index about.</summary>
    // The municipality's population register feed: the only role that changes families (R10).
    private static readonly Actor FeedActor = new("brp-feed", ActorRole.PopulationRegisterFeed, new OrganisationId(1), null, "bench replay");

    // The door the replay's family changes go through: the index's own, with an in-memory desk, consents and audit
    // trail (the audit trail keeps its records in memory, so they count in the replay's heap).
    private static PersonDataAccess FeedDoor(ReferenceIndex index, IClock clock)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var desk = new CoordinationDesk(CoordinationPolicy.Default, new SocialMap(), clock);
        var consents = new ConsentRegister(ConsentPolicy.Default, zone, clock);
        var keys = System.Security.Cryptography.SHA256.HashData("bench-replay-keys-not-for-production-use"u8);
        return new PersonDataAccess(
            new AccessRules(index, desk, consents),
            new AuditTrail(new Pseudonymiser(keys), new AuditChainKey(keys), clock),
            index,
            desk,
            new PlanBook(desk, PlanPolicy.Default, zone, clock),
            consents,
            new InformationObligations(ConsentPolicy.Default, zone, clock),
            new SubjectRequestBook(clock),
            clock);
    }

    private sealed class Worker(int years)
    {
        private readonly Dictionary<int, List<Bsn>> _families = [];
        private int _next;

        public long Registered { get; private set; }

        public long Renewed { get; private set; }

        public long SameYouth { get; private set; }

        public long FamilyMatches { get; private set; }

        public long Archived { get; private set; }

        public Dictionary<string, long> Refused { get; } = new(StringComparer.Ordinal);

        public List<long> FamilyTicks { get; } = [];

        /// <summary>Per year: registrations, client matches, family matches, archived matches.</summary>
        public long[,] Years { get; } = new long[years, 4];

        public void RunDay(ReferenceIndex index, PersonDataAccess feed, SimulatedClock clock, SignalRegistration[] registrations, Bsn[] bsns, Workload workload, int[] partition, int day, long step, long[] latencies, int year)
        {
            while (_next < partition.Length && workload.DayNumbers[partition[_next]] == day)
            {
                var i = partition[_next++];
                clock.Advance(step);
                var familyId = workload.Families[i];
                if (familyId != 0)
                {
                    UpdateFamily(feed, familyId, bsns[i]);
                }

                var started = Stopwatch.GetTimestamp();
                var result = index.Register(registrations[i]);
                latencies[i] = Stopwatch.GetTimestamp() - started;
                Count(result, year);
            }
        }

        /// <summary>
        /// Tells the index about a family once two of its youths are signalled: a vendor adds the family from the
        /// population register when it first matters, not the whole register up front. It goes through the door as the
        /// population register feed, as a vendor's must, so each change also seals an audit record per member.
        /// </summary>
        private void UpdateFamily(PersonDataAccess feed, int familyId, Bsn youth)
        {
            if (!_families.TryGetValue(familyId, out var members))
            {
                _families[familyId] = [youth];
                return;
            }

            if (members.Contains(youth))
            {
                return;
            }

            members.Add(youth);
            var family = Family.Create(new FamilyId(familyId), members, []);
            var started = Stopwatch.GetTimestamp();
            feed.AddOrReplaceFamily(FeedActor, family);
            FamilyTicks.Add(Stopwatch.GetTimestamp() - started);
        }

        private void Count(in RegistrationResult result, int year)
        {
            Years[year, 0]++;
            switch (result.Outcome)
            {
                case RegistrationOutcome.Registered:
                    Registered++;
                    break;
                case RegistrationOutcome.Renewed:
                    Renewed++;
                    break;
                default:
                    var reason = result.Refusal.ToString();
                    Refused[reason] = Refused.GetValueOrDefault(reason) + 1;
                    return;
            }

            foreach (var match in result.Matches)
            {
                switch (match.Kind)
                {
                    case MatchKind.SameYouth:
                        SameYouth++;
                        Years[year, 1]++;
                        break;
                    case MatchKind.Family:
                        FamilyMatches++;
                        Years[year, 2]++;
                        break;
                    default:
                        Archived++;
                        Years[year, 3]++;
                        break;
                }
            }
        }
    }
}
