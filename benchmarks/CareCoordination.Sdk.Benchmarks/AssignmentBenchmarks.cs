using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// Assigning a coordinator in a municipality with 1,000 open cases and 100 coordinators from 10 organisations: half the
/// cases are coordinated already, and each invocation assigns the next of the 500 waiting ones — the desk's full path
/// (choose by preference, capacity and training, record the event, update the caseload). The baseline is what a
/// straightforward implementation does: compute every coordinator's load by scanning the cases, then sort with LINQ.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(Waiting)]
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 15)]
public class AssignmentBenchmarks
{
    private const int Cases = 1_000;
    private const int Waiting = Cases / 2;
    private const int Coordinators = 100;
    private const int OrganisationCount = 10;

    private static readonly ProblemDomains[] Domains = [ProblemDomains.Debt, ProblemDomains.MentalHealth, ProblemDomains.School, ProblemDomains.Parenting, ProblemDomains.Housing];

    private CoordinationDesk _desk = null!;
    private CaseId[] _waiting = null!;
    private NaiveDesk _naive = null!;
    private int _next;

    [IterationSetup(Target = nameof(CoordinationDesk))]
    public void SetUpDesk()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        var map = new SocialMap();
        var contact = new ContactDetails("010-1234567", "intake@example.nl");
        for (var o = 1; o <= OrganisationCount; o++)
        {
            map = map.With(new SocialMapEntry(new OrganisationId(o), ["hulp"], Domains[o % Domains.Length] | Domains[(o + 2) % Domains.Length], ["Delft"], contact, "by phone"));
        }

        _desk = new CoordinationDesk(CoordinationPolicy.Default, map, clock);
        for (var c = 1; c <= Coordinators; c++)
        {
            _desk.AddCoordinator(new CareCoordinator(new CoordinatorId(c), new ProfessionalId(1000 + c), new OrganisationId(1 + (c % OrganisationCount)), c % 4 == 0 ? TrainingLevel.Specialist : TrainingLevel.General, 24m));
        }

        var bsns = TestBsns.Generate(Cases * 2, seed: 3);
        var ids = new List<CaseId>();
        for (var i = 0; i < Cases; i++)
        {
            var family = Family.Create(new FamilyId(i + 1), [bsns[2 * i]], [bsns[(2 * i) + 1]]);
            var (organisation, domains, core, safety) = CaseShape(i);
            var id = _desk.Intake(CaseIntake.ForFamily(IntakeRoute.YouthAndFamilyCentre, family, new OrganisationId(organisation))).Case;
            _desk.Assess(id, new CaseAssessment(domains, core, safety));
            if (i % 2 == 0)
            {
                _desk.AssignCoordinator(id).ThrowIfRefused();
            }
            else
            {
                ids.Add(id);
            }
        }

        _waiting = [.. ids];
        _next = 0;
    }

    [IterationSetup(Target = nameof(NaiveLinq))]
    public void SetUpNaive()
    {
        _naive = new NaiveDesk();
        for (var c = 1; c <= Coordinators; c++)
        {
            _naive.Coordinators.Add((c, 1 + (c % OrganisationCount), c % 4 == 0, 24m));
        }

        for (var i = 0; i < Cases; i++)
        {
            var (organisation, domains, core, safety) = CaseShape(i);
            _naive.Cases.Add(new NaiveCase { Organisation = organisation, Core = core, Specialist = safety || System.Numerics.BitOperations.PopCount((uint)domains) >= 4 });
            if (i % 2 == 0)
            {
                _naive.Assign(i);
            }
        }

        _next = 1;
    }

    [Benchmark(Baseline = true, Description = "naive: scan loads + LINQ sort")]
    public int? NaiveLinq()
    {
        var assigned = _naive.Assign(_next);
        _next += 2;
        return assigned;
    }

    [Benchmark(Description = "CoordinationDesk.AssignCoordinator")]
    public CoordinatorId? CoordinationDesk() => _desk.AssignCoordinator(_waiting[_next++]).Coordinator;

    private static (int Organisation, ProblemDomains Domains, ProblemDomains Core, bool Safety) CaseShape(int i)
    {
        var core = Domains[i % Domains.Length];
        var second = Domains[(i / 5) % Domains.Length];
        var safety = i % 20 == 0;
        return (1 + (i % OrganisationCount), core | second | (safety ? ProblemDomains.Safety : ProblemDomains.None) | (core == second ? ProblemDomains.Income : ProblemDomains.None), core, safety);
    }

    private sealed class NaiveCase
    {
        public int Organisation { get; init; }

        public ProblemDomains Core { get; init; }

        public bool Specialist { get; init; }

        public int? Coordinator { get; set; }
    }

    private sealed class NaiveDesk
    {
        public List<(int Id, int Organisation, bool Specialist, decimal Hours)> Coordinators { get; } = [];

        public List<NaiveCase> Cases { get; } = [];

        public int? Assign(int index)
        {
            var target = Cases[index];
            var needed = target.Specialist ? 4m : 2m;
            var chosen = Coordinators
                .Select(c => (c.Id, c.Organisation, Free: c.Hours - Cases.Where(x => x.Coordinator == c.Id).Sum(x => x.Specialist ? 4m : 2m), c.Specialist))
                .Where(c => (!target.Specialist || c.Specialist) && c.Free >= needed)
                .OrderBy(c => (c.Organisation % Domains.Length == Array.IndexOf(Domains, target.Core) ? 0 : 1) + (c.Organisation == target.Organisation ? 0 : 2))
                .ThenByDescending(c => c.Free)
                .Select(c => (int?)c.Id)
                .FirstOrDefault();
            target.Coordinator = chosen;
            return chosen;
        }
    }
}
