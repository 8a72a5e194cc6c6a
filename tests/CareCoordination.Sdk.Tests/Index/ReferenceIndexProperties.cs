using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Index;

public sealed class ReferenceIndexProperties
{
    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void The_index_agrees_with_the_reference_model_over_any_history(IndexOperation[] history)
    {
        var (scenario, model) = Start();
        foreach (var operation in history)
        {
            Apply(scenario, model, operation);
            AssertSameState(scenario, model);
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void The_daily_job_ends_the_same_signals_for_the_same_reasons_whether_or_not_anyone_listens(IndexOperation[] history)
    {
        // Heard, the job judges every due signal before it ends any, to tell the observers; unheard, it judges each as it ends it.
        var (heard, heardModel) = Start();
        var (unheard, unheardModel) = Start(heard: false);
        foreach (var operation in history)
        {
            if (operation is IndexOperation.Expire)
            {
                var told = heard.Index.ExpireDue();
                var untold = unheard.Index.ExpireDue();
                PropertyCheck.That(told == untold, $"heard {told}, unheard {untold}");
                continue;
            }

            Apply(heard, heardModel, operation);
            Apply(unheard, unheardModel, operation);
            AssertSameState(unheard, unheardModel);
        }

        PropertyCheck.That(unheard.Events.Events.Count == 0, "an index nobody listens to raised events");
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 200)]
    public void Matches_are_symmetric_between_different_organisations_and_never_self_matches(IndexOperation[] history)
    {
        var (scenario, model) = Start();
        foreach (var operation in history)
        {
            Apply(scenario, model, operation);
        }

        var all = IndexModel.Youths.SelectMany(scenario.Index.GetMatches).ToList();
        foreach (var match in all)
        {
            PropertyCheck.That(match.Signal != match.OtherSignal, "a signal matched itself");
            PropertyCheck.That(match.Organisation != match.OtherOrganisation, "an organisation matched itself");
            PropertyCheck.That(all.Any(m => m.Signal == match.OtherSignal && m.OtherSignal == match.Signal && m.IsSamePairAs(match.Mirror())), "a match has no mirror");
            PropertyCheck.That(match.Mirror().Mirror() == match, "mirroring twice is not the identity");
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 100)]
    public void Nothing_is_lost_under_concurrent_registration(NonEmptyArray<(byte Youth, byte Organisation)> raw)
    {
        var scenario = new IndexScenario();
        var youths = TestBsns.Generate(32, seed: 5).Select(b => IndexScenario.YouthAged(b, 10)).ToArray();
        var registrations = raw.Get
            .Select(p => IndexScenario.By(IndexModel.Organisations[p.Organisation % IndexModel.OrganisationCount], youths[p.Youth % youths.Length]))
            .ToArray();
        var matchesFound = new ConcurrentBag<int>();

        Parallel.ForEach(
            Partitioner.Create(0, registrations.Length, Math.Max(1, registrations.Length / 4)),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            range =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    matchesFound.Add(scenario.Index.Register(registrations[i]).MatchCount);
                }
            });

        var distinct = registrations.Select(r => (r.Youth.Bsn, r.Organisation)).Distinct().ToList();
        PropertyCheck.That(scenario.Index.ActiveSignalCount == distinct.Count, "the active count differs from the distinct registrations");
        foreach (var (bsn, organisation) in distinct)
        {
            PropertyCheck.That(scenario.Index.GetActiveSignals(bsn).Count(s => s.Organisation == organisation) == 1, "a registration was lost or doubled");
        }

        // k organisations on one youth make k(k-1)/2 pairs, whatever the order in which they arrived.
        var expectedPairs = distinct.GroupBy(d => d.Bsn).Sum(g => g.Count() * (g.Count() - 1) / 2);
        PropertyCheck.That(matchesFound.Sum() == expectedPairs, "the matches found differ from the pairs of organisations");
        PropertyCheck.That(scenario.EventsOf<MatchFound>().Count == expectedPairs, "the match events differ from the pairs");
        PropertyCheck.That(scenario.Events.Events.Select(e => e switch
        {
            Sdk.Signals.Events.SignalRegistered r => r.Signal.Id.Value,
            _ => 0,
        }).Where(id => id != 0).Order().SequenceEqual(Enumerable.Range(1, distinct.Count).Select(i => (long)i)), "signal identifiers are not dense and unique");
    }

    /// <summary>Applies a history to an index (with the test families), ignoring refusals; the store properties use it.</summary>
    internal static void Run(ReferenceIndex index, IndexScenario scenario, IndexOperation[] history, bool withFamilies = true)
    {
        for (var f = 0; withFamilies && f < IndexModel.Families.Length; f++)
        {
            index.AddOrReplaceFamily(Family.Create(new FamilyId(f + 1), IndexModel.Families[f].Select(i => IndexModel.Youths[i]), []));
        }

        foreach (var operation in history)
        {
            switch (operation)
            {
                case IndexOperation.Register(var y, var o):
                    index.Register(IndexScenario.By(IndexModel.Organisations[o], new Youth(IndexModel.Youths[y], IndexModel.BirthDates[y])));
                    break;
                case IndexOperation.Withdraw(var y, var o, var reason):
                    try
                    {
                        index.Withdraw(IndexModel.Youths[y], IndexModel.Organisations[o], reason);
                    }
                    catch (NotFoundException)
                    {
                        // Withdrawing what is not there is part of a random history.
                    }

                    break;
                case IndexOperation.AdvanceDays(var days):
                    scenario.AdvanceDays(days);
                    break;
                case IndexOperation.Expire:
                    index.ExpireDue();
                    break;
                case IndexOperation.Death(var y):
                    index.RecordDeath(IndexModel.Youths[y]);
                    break;
            }
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 200)]
    public void A_pseudonymised_index_agrees_with_the_reference_model_and_answers_with_the_real_BSNs(IndexOperation[] history)
    {
        var (scenario, model) = Start(IndexScenario.SharedPseudonymiser);
        foreach (var operation in history)
        {
            Apply(scenario, model, operation);
            AssertSameState(scenario, model);
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 200)]
    public void An_index_pseudonymised_under_each_scheme_with_or_without_masked_numbers_answers_every_registration_with_the_matches_and_BSNs_an_index_keyed_by_BSN_gives(IndexOperation[] history, Sdk.Privacy.PseudonymisationScheme scheme, bool maskedNumbers)
    {
        var (plain, plainModel) = Start();

        // Each scheme twice: with the BSNs kept masked in the youths' rows (where the processor has AES instructions)
        // and with every pseudonym turned back through the permutation.
        var schemes = SchemePseudonymisers.Length / 2;
        var (pseudonymised, model) = Start(SchemePseudonymisers[(2 * (int)((uint)scheme % (uint)schemes)) + (maskedNumbers ? 0 : 1)]);
        foreach (var operation in history)
        {
            if (operation is IndexOperation.Register(var y, var o))
            {
                var registration = IndexScenario.By(IndexModel.Organisations[o], new Youth(IndexModel.Youths[y], IndexModel.BirthDates[y]));
                var expected = plain.Index.Register(registration);
                var actual = pseudonymised.Index.Register(registration);
                PropertyCheck.That(Answer(actual).SequenceEqual(Answer(expected)), $"answered [{string.Join(", ", Answer(actual))}], keyed by BSN [{string.Join(", ", Answer(expected))}]");
                plainModel.Register(y, o);
                model.Register(y, o);
            }
            else
            {
                Apply(plain, plainModel, operation);
                Apply(pseudonymised, model, operation);
            }
        }

        static string[] Answer(RegistrationResult result) =>
            [.. result.Matches.Select(m => $"{m.Kind} {m.Youth.RevealNumber()} {m.OtherYouth.RevealNumber()} {m.OtherOrganisation}").Order()];
    }

    private static readonly Sdk.Privacy.YouthPseudonymiser[] SchemePseudonymisers =
        [.. Enum.GetValues<Sdk.Privacy.PseudonymisationScheme>().SelectMany(s => new[]
        {
            new Sdk.Privacy.YouthPseudonymiser(TestKeys.Bytes("property youth"), s),
            new Sdk.Privacy.YouthPseudonymiser(TestKeys.Bytes("property youth"), s, useProcessorAes: false),
        })];

    private static (IndexScenario Scenario, IndexModel Model) Start(Sdk.Privacy.YouthPseudonymiser? pseudonymiser = null, bool heard = true)
    {
        var scenario = new IndexScenario(pseudonymiser: pseudonymiser, heard: heard);
        for (var f = 0; f < IndexModel.Families.Length; f++)
        {
            scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(f + 1), IndexModel.Families[f].Select(i => IndexModel.Youths[i]), []));
        }

        return (scenario, new IndexModel());
    }

    private static void Apply(IndexScenario scenario, IndexModel model, IndexOperation operation)
    {
        switch (operation)
        {
            case IndexOperation.Register(var y, var o):
                var expected = model.Register(y, o);
                var actual = scenario.Index.Register(IndexScenario.By(IndexModel.Organisations[o], new Youth(IndexModel.Youths[y], IndexModel.BirthDates[y])));
                if (expected is null)
                {
                    PropertyCheck.That(actual.Refusal == RegistrationRefusal.OverAgeLimit, $"expected a refusal, got {actual}");
                }
                else
                {
                    PropertyCheck.That(actual.Outcome == (expected.Value.Renewed ? RegistrationOutcome.Renewed : RegistrationOutcome.Registered), $"expected renewed={expected.Value.Renewed}, got {actual}");
                    PropertyCheck.That(actual.MatchCount == expected.Value.Matches, $"expected {expected.Value.Matches} matches, got {actual.MatchCount}");
                }

                break;
            case IndexOperation.Withdraw(var y, var o, var reason):
                var existed = model.Withdraw(y, o, reason);
                try
                {
                    scenario.Index.Withdraw(IndexModel.Youths[y], IndexModel.Organisations[o], reason);
                    PropertyCheck.That(existed, "withdrew a signal the model does not have");
                }
                catch (NotFoundException)
                {
                    PropertyCheck.That(!existed, "refused to withdraw a signal the model has");
                }

                break;
            case IndexOperation.AdvanceDays(var days):
                scenario.AdvanceDays(days);
                model.Advance(days);
                break;
            case IndexOperation.Expire:
                // The daily job changes nothing the law had not already changed: the model has no such step.
                scenario.Index.ExpireDue();
                break;
            case IndexOperation.Death(var y):
                scenario.Index.RecordDeath(IndexModel.Youths[y]);
                model.Death(y);
                break;
        }
    }

    private static void AssertSameState(IndexScenario scenario, IndexModel model)
    {
        PropertyCheck.That(scenario.Index.ActiveSignalCount == model.ActiveCount, $"active: index {scenario.Index.ActiveSignalCount}, model {model.ActiveCount}");
        PropertyCheck.That(scenario.Index.ArchivedSignalCount == model.ArchivedCount, $"archived: index {scenario.Index.ArchivedSignalCount}, model {model.ArchivedCount}");
        var signalled = Enumerable.Range(0, IndexModel.YouthCount).Count(y => model.ActiveOf(y).Any());
        PropertyCheck.That(scenario.Index.SignalledYouthCount == signalled, $"signalled youths: index {scenario.Index.SignalledYouthCount}, model {signalled}");
        for (var y = 0; y < IndexModel.YouthCount; y++)
        {
            var active = scenario.Index.GetActiveSignals(IndexModel.Youths[y]).Select(s => s.Organisation + "@" + s.ExpiresOn).Order();
            PropertyCheck.That(active.SequenceEqual(model.ActiveOf(y)), $"youth {y} active: index [{string.Join(", ", active)}], model [{string.Join(", ", model.ActiveOf(y))}]");
            var archived = scenario.Index.GetArchivedSignals(IndexModel.Youths[y]).Select(a => a.Signal.Organisation + "@" + a.ArchivedOn + "/" + a.OfferedAsMatch).Order();
            PropertyCheck.That(archived.SequenceEqual(model.ArchivedOf(y)), $"youth {y} archived: index [{string.Join(", ", archived)}], model [{string.Join(", ", model.ArchivedOf(y))}]");
        }
    }
}
