using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Migration;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// A store written by schema version 6 (the SQLite and PostgreSQL schemas of December 2026): <see cref="WholeStory"/> run
/// once, pseudonymised as a region runs it, kept by every store package as a fixture (quickstart-schema-6). Today's SDK
/// must open it to exactly the state the story left, so a later schema version that forgets a migration from version 6
/// fails here first. Version 6 was written before FF1 existed, under the default <see cref="PseudonymisationScheme.FeistelTables"/>:
/// it is refused under FF1 with how to move it, and moves to FF1 with its state intact. The fixtures are written by the store packages' fixture writers (see their Fixtures/README.md).
/// </summary>
public abstract class SchemaVersionSixStoreContract
{
    /// <summary>The schema version that wrote the fixtures.</summary>
    public const int SchemaVersion = 6;

    /// <summary>The seed of the story's BSNs and family numbers.</summary>
    public const int Seed = 6;

    // The story's clock stands still; the store is opened the same evening, while its idempotency keys are still kept.
    private static readonly Instant WrittenAt = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly Instant OpenedAt = Instant.FromUtc(2026, 11, 23, 18, 0);

    /// <summary>Gets the key and scheme the fixtures were written with: the test's youth key, under the default scheme.</summary>
    public static YouthPseudonymiser WrittenWith { get; } = new(TestKeys.Bytes("youth"));

    // The story's reads through the access rules and its audited changes, each one record of the chain.
    private const int AuditRecords = 8;

    // The state the story leaves, read through the areas that own it; each line is what one area holds about one person.
    private const string StoryState = """
        person 0: families [6]
          active signal 1 of 1 by 101, registered 2026-11-23T09:00:00Z, expires 2028-11-23 (ActivePeriodEnds)
          active signal 3 of 3 by 301, registered 2026-11-23T09:00:00Z, expires 2028-11-23 (ActivePeriodEnds)
          case 1: HandedOver, tier Specialist, routes [ReferenceIndex, CareNetwork], organisations [1, 2, 3, 4], coordinator none, handed over to 3
          plan of case 1: version 9, escalation Municipality until 2027-02-19, goals 1, actions [1 Done, 2 Agreed]
          consent 1: Coordination to [2] given by Parents from 2026-11-23T09:00:00Z, not withdrawn
          information obligation of signal 1 of 1: inform Parents by 2026-12-21, informed None
          information obligation of signal 3 of 3: inform Parents by 2026-12-21, informed None
          request 1: Objection of signal 5 at 4, Upheld at 2026-11-23T09:00:00Z
        person 1: families [6]
          active signal 2 of 2 by 201, registered 2026-11-23T09:00:00Z, expires 2028-11-23 (ActivePeriodEnds)
          case 1: HandedOver, tier Specialist, routes [ReferenceIndex, CareNetwork], organisations [1, 2, 3, 4], coordinator none, handed over to 3
          plan of case 1: version 9, escalation Municipality until 2027-02-19, goals 1, actions [1 Done, 2 Agreed]
          legal basis 1: SeriouslyThreateningSituation by 3 to [1] until 2026-12-23T09:00:00Z
          information obligation of signal 2 of 2: inform Parents, Youth by 2026-12-21, informed None
        person 2: families []
        person 3: families []
        person 4: families [1006]
          archived signal 4 of 2, archived 2026-11-23, offered as match False
          case 1: HandedOver, tier Specialist, routes [ReferenceIndex, CareNetwork], organisations [1, 2, 3, 4], coordinator none, handed over to 3
          plan of case 1: version 9, escalation Municipality until 2027-02-19, goals 1, actions [1 Done, 2 Agreed]
        substitute number of a youth without a BSN: active signals [6 of 1]

        """;

    /// <summary>
    /// Runs the story on a new store of today's schema, as the fixture writers do, and then withdraws the signal on the
    /// youth at the family's address because the risk is gone, so that the store holds an archived signal too.
    /// </summary>
    /// <param name="store">A new, empty store.</param>
    /// <param name="checkpointPath">Where the story's audit trail publishes its checkpoints, kept with the fixture as a host keeps them with its store.</param>
    public static void WriteStory(ISignalStore store, string checkpointPath)
    {
        var people = WholeStory.Run(store, Seed, pseudonymised: true, checkpointPath, WrittenWith);
        using var sdk = HostedSdk.Build(store, new FakeClock(WrittenAt), pseudonymised: true, pseudonymiser: WrittenWith, checkpoints: new FileAuditCheckpointSink(checkpointPath));
        sdk.GetRequiredService<ReferenceIndex>().Withdraw(people[4], TestRegion.SocialWork, WithdrawalReason.RiskGone);
    }

    /// <summary>Opens the fixture as the store package opens a store a host names; each call opens the same copy again.</summary>
    protected abstract ISignalStore OpenFixture();

    /// <summary>
    /// Gets the fixture's audit checkpoints (Fixtures/quickstart-schema-6.checkpoints beside the store's fixture), copied
    /// once per test to a file the test owns: the trail opens against them as a host's opens against its checkpoint file.
    /// </summary>
    protected IAuditCheckpointSink Checkpoints => _checkpoints ??= new FileAuditCheckpointSink(CopyOfCheckpoints());

    /// <summary>Deletes the test's copy of the fixture's checkpoints, if it made one.</summary>
    protected void DeleteCheckpoints()
    {
        if (_checkpointCopy is not null)
        {
            File.Delete(_checkpointCopy);
        }
    }

    /// <summary>The name of the fixture's checkpoint file beside the store's fixture.</summary>
    protected static string CheckpointsName(int version) => FormattableString.Invariant($"quickstart-schema-{version}.checkpoints");

    private IAuditCheckpointSink? _checkpoints;
    private string? _checkpointCopy;

    private string CopyOfCheckpoints()
    {
        _checkpointCopy = Path.Combine(Path.GetTempPath(), "schema-6-" + Guid.NewGuid().ToString("N") + ".checkpoints");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", CheckpointsName(SchemaVersion)), _checkpointCopy);
        return _checkpointCopy;
    }

    [Fact]
    public void A_store_of_schema_version_6_opens_with_exactly_the_signals_families_cases_plans_consents_obligations_and_requests_the_story_left()
    {
        var store = OpenFixture();
        try
        {
            using var sdk = HostedSdk.Build(store, new FakeClock(OpenedAt), pseudonymised: true, pseudonymiser: WrittenWith, checkpoints: Checkpoints);

            var index = sdk.GetRequiredService<ReferenceIndex>();

            Assert.Equal(StoryState.ReplaceLineEndings("\n"), Describe(sdk));
            Assert.Equal(4, index.ActiveSignalCount);
            Assert.Equal(1, index.ArchivedSignalCount);

            // The story's registration keys were kept: a retry of the first gets its first answer back, as registered.
            var sam = new Youth(TestBsns.Generate(5, Seed)[0], new LocalDate(2017, 4, 12));
            var retry = index.Register(new SignalRegistration(sam, TestRegion.YouthHealthCare, TestRegion.ReporterOf(TestRegion.YouthHealthCare), ReportingCriterion.SeriousUpbringingProblems)
                .WithIdempotencyKey(FormattableString.Invariant($"story-{Seed}-{TestRegion.YouthHealthCare.Value}-2017")));
            Assert.Equal(RegistrationOutcome.Registered, retry.Outcome);
            Assert.Equal(new SignalId(1), retry.Signal.Id);
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    [Fact]
    public void A_store_of_schema_version_6_has_an_intact_audit_trail()
    {
        var store = OpenFixture();
        try
        {
            using var sdk = HostedSdk.Build(store, new FakeClock(OpenedAt), pseudonymised: true, pseudonymiser: WrittenWith, checkpoints: Checkpoints);

            var trail = sdk.GetRequiredService<AuditTrail>().Verify();

            Assert.True(trail.IsIntact, trail.Reason);
            Assert.Equal(AuditRecords, trail.Records);
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    [Fact]
    public void A_store_of_schema_version_6_takes_a_new_registration_and_keeps_it_with_the_story()
    {
        var clock = new FakeClock(OpenedAt);
        var store = OpenFixture();
        try
        {
            using (var sdk = HostedSdk.Build(store, clock, pseudonymised: true, pseudonymiser: WrittenWith, checkpoints: Checkpoints))
            {
                var newcomer = new Youth(TestBsns.Generate(1, seed: 4242)[0], new LocalDate(2015, 1, 1));
                var registered = sdk.GetRequiredService<ReferenceIndex>().Register(new SignalRegistration(newcomer, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), ReportingCriterion.FinancialProblems));
                Assert.Equal(RegistrationOutcome.Registered, registered.Outcome);
            }

            ((IDisposable)store).Dispose();
            store = OpenFixture();
            using var reopened = HostedSdk.Build(store, clock, pseudonymised: true, pseudonymiser: WrittenWith, checkpoints: Checkpoints);
            Assert.Equal(5, reopened.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
            Assert.True(reopened.GetRequiredService<AuditTrail>().Verify().IsIntact);
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    [Fact]
    public void A_store_of_schema_version_6_is_refused_under_FF1_with_the_same_key_and_told_how_to_move()
    {
        var store = OpenFixture();
        try
        {
            using var sdk = HostedSdk.Build(store, new FakeClock(OpenedAt), pseudonymised: true, pseudonymiser: new YouthPseudonymiser(TestKeys.Bytes("youth"), PseudonymisationScheme.Ff1), checkpoints: Checkpoints);

            // The host's start validation reads the store's keying before any area opens it.
            var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => sdk.GetRequiredService<ReferenceIndex>());

            Assert.Contains("was written with the registered pseudonymisation key under the scheme FeistelTables", refused.Message, StringComparison.Ordinal);
            Assert.Contains("YouthKeyMigration", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    [Fact]
    public void A_store_of_schema_version_6_moved_to_FF1_under_the_same_key_opens_to_the_state_the_story_left()
    {
        var store = OpenFixture();
        try
        {
            var ff1 = new YouthPseudonymiser(TestKeys.Bytes("youth"), PseudonymisationScheme.Ff1);
            var target = new InMemoryCareCoordinationStore();

            YouthKeyMigration.Migrate((ICareCoordinationStore)store, YouthKeying.Pseudonymised(WrittenWith), target, YouthKeying.Pseudonymised(ff1));

            Assert.Equal(ff1.KeyFingerprint, target.ReadYouthKeying());
            using var sdk = HostedSdk.Build(target, new FakeClock(OpenedAt), pseudonymised: true, pseudonymiser: ff1, checkpoints: Checkpoints);
            Assert.Equal(StoryState.ReplaceLineEndings("\n"), Describe(sdk));
            Assert.True(sdk.GetRequiredService<AuditTrail>().Verify().IsIntact);
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    /// <summary>What every area holds about each person of the story, one line per item, in the order of the story's persons.</summary>
    public static string Describe(IServiceProvider sdk, int seed = Seed)
    {
        var index = sdk.GetRequiredService<ReferenceIndex>();
        var desk = sdk.GetRequiredService<CoordinationDesk>();
        var plans = sdk.GetRequiredService<PlanBook>();
        var consents = sdk.GetRequiredService<ConsentRegister>();
        var obligations = sdk.GetRequiredService<InformationObligations>();
        var requests = sdk.GetRequiredService<SubjectRequestBook>();
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(FormattableString.Invariant(line)).Append('\n');

        var people = TestBsns.Generate(5, seed);
        for (var i = 0; i < people.Length; i++)
        {
            var person = people[i];
            Line($"person {i}: families [{string.Join(", ", index.GetFamiliesOf(person).Select(f => f.Id.Value).Order())}]");
            foreach (var s in index.GetActiveSignals(person).OrderBy(s => s.Id.Value))
            {
                Line($"  active signal {s.Id.Value} of {s.Organisation.Value} by {s.Reporter.Value}, registered {s.RegisteredAt:g}, expires {s.ExpiresOn:R} ({s.Expiry})");
            }

            foreach (var a in index.GetArchivedSignals(person).OrderBy(a => a.Signal.Id.Value))
            {
                Line($"  archived signal {a.Signal.Id.Value} of {a.Signal.Organisation.Value}, archived {a.ArchivedOn:R}, offered as match {a.OfferedAsMatch}");
            }

            if (desk.FindOpenCase(person) is { } c)
            {
                    Line($"  case {c.Id.Value}: {c.Status}, tier {c.Tier}, routes [{string.Join(", ", c.Routes)}], organisations [{string.Join(", ", c.InvolvedOrganisations.Select(o => o.Value).Order())}], coordinator {c.Coordinator?.Value.ToString(CultureInfo.InvariantCulture) ?? "none"}, handed over to {c.Handover?.YouthProtection.Value.ToString(CultureInfo.InvariantCulture) ?? "nobody"}");
                if (plans.Find(c.Id) is { } plan)
                {
                    Line($"  plan of case {c.Id.Value}: version {plan.Version}, escalation {plan.Escalation} until {plan.EscalationDeadline:R}, goals {plan.Goals.Count}, actions [{string.Join(", ", plan.Actions.Select(a => $"{a.Number} {a.Status}"))}]");
                }
            }

            var (given, bases) = consents.About(person);
            foreach (var consent in given)
            {
                Line($"  consent {consent.Id}: {consent.Purpose} to [{string.Join(", ", consent.Recipients.Select(o => o.Value))}] given by {consent.GivenBy} from {consent.Start:g}, {(consent.WithdrawnAt is { } withdrawn ? FormattableString.Invariant($"withdrawn {withdrawn:g}") : "not withdrawn")}");
            }

            foreach (var basis in bases)
            {
                Line($"  legal basis {basis.Id}: {basis.Basis} by {basis.Organisation.Value} to [{string.Join(", ", basis.Recipients.Select(o => o.Value))}] until {basis.Until:g}");
            }

            foreach (var o in obligations.About(person).OrderBy(o => o.Signal.Value))
            {
                Line($"  information obligation of signal {o.Signal.Value} of {o.Organisation.Value}: inform {o.MustInform} by {o.DueOn:R}, informed {o.Informed}");
            }

            foreach (var r in requests.About(person).OrderBy(r => r.Id))
            {
                Line($"  request {r.Id}: {r.Kind} of signal {r.Signal.Value} at {r.Organisation.Value}, {r.Status} at {r.DecidedAt:g}");
            }
        }

        foreach (var issued in sdk.GetRequiredService<SubstituteNumberRegister>().Issued)
        {
            Line($"substitute number of a youth without a BSN: active signals [{string.Join(", ", index.GetActiveSignals(issued.Number.AsIndexKey()).Select(s => FormattableString.Invariant($"{s.Id.Value} of {s.Organisation.Value}")))}]");
        }

        return text.ToString();
    }
}
