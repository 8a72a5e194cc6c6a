using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Testing;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CareCoordination.Sdk.Tests.Internal;

public sealed class RunPoolTests
{
    [Fact]
    public void Every_youth_reads_back_the_siblings_last_written_for_it_however_runs_are_taken_given_back_and_rewritten()
    {
        // A change: youth 0-7 gets 0-9 siblings (0 gives its run back), written in place when they fit the run.
        var change = Gen.Choose(0, 7).SelectMany(youth => Gen.Choose(0, 9).Select(count => (Youth: youth, Count: count)));
        var property = Prop.ForAll(Arb.From(change.ArrayOf()), ((int Youth, int Count)[] changes) =>
        {
            var pool = new RunPool<Sibling>(capacity: 4);
            var runs = new Dictionary<int, (int Start, int Count)>();
            var model = new Dictionary<int, Sibling[]>();
            for (var i = 0; i < changes.Length; i++)
            {
                var (youth, count) = changes[i];
                var siblings = Enumerable.Range(0, count).Select(s => new Sibling((i * 16) + s + 1, new FamilyId(youth + 1), MatchKind.Family)).ToArray();
                if (runs.TryGetValue(youth, out var run))
                {
                    if (count > 0 && pool.TryReplace(run.Start, run.Count, siblings))
                    {
                        runs[youth] = (run.Start, count);
                        model[youth] = siblings;
                        continue;
                    }

                    pool.Return(run.Start, run.Count);
                    runs.Remove(youth);
                    model.Remove(youth);
                }

                if (count > 0)
                {
                    runs[youth] = (pool.Rent(siblings), count);
                    model[youth] = siblings;
                }

                foreach (var (owner, (start, length)) in runs)
                {
                    PropertyCheck.That(pool[start, length].SequenceEqual(model[owner].AsSpan()), $"after change {i}, youth {owner} reads other siblings than were written for it");
                }
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void A_run_given_back_is_handed_out_again_instead_of_growing_the_pool()
    {
        var pool = new RunPool<Sibling>(capacity: 8);
        Sibling[] three = [new(1, new FamilyId(1), MatchKind.Family), new(2, new FamilyId(1), MatchKind.Family), new(3, new FamilyId(1), MatchKind.Address)];
        var first = pool.Rent(three);
        var second = pool.Rent(three.AsSpan(0, 2));
        pool.Return(first, 3);

        Sibling[] reordered = [three[2], three[0], three[1]];
        var again = pool.Rent(reordered);

        Assert.Equal(first, again);
        Assert.NotEqual(first, second);
        Assert.Equal(reordered, pool[again, 3].ToArray());
    }
}
