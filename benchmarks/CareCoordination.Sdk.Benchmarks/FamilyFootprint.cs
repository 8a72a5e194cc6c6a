using System;
using System.Globalization;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// Bytes per family the population register feeds (<c>--family-footprint [families] [pseudonymised] [presized]</c>): families of
/// one to four youths, 1.8 on average as the replay's region has them, each with two carers and an address of its own,
/// in an index that holds nothing else, its tables grown as the families come or reserved for them first. The memory per
/// active signal (<c>--footprint</c>) leaves families out.
/// </summary>
internal static class FamilyFootprint
{
    public static void Run(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var pseudonymised = Array.IndexOf(args, "pseudonymised") >= 0;
        var presized = Array.IndexOf(args, "presized") >= 0;
        var sizes = Sizes(count);
        var youths = 0;
        foreach (var size in sizes)
        {
            youths += size;
        }

        // Generated first: the people are the feed's, not the index's. Each family object is made just before the
        // index takes it, as a feed does, so that what the index keeps of it is counted and the rest is garbage.
        var people = TestBsns.Generate(youths + (2 * count), seed: 61);
        var index = new ReferenceIndex(
            RegionPolicy.Default,
            IndexData.CreateDirectory(),
            new FakeClock(Instant.FromUtc(2026, 12, 7, 9, 0)),
            store: null,
            observers: null,
            pseudonymised ? ReplayBenchmarks.Pseudonymiser(Privacy.PseudonymisationScheme.FeistelAes) : null);
        var rowsBefore = index.MeasureAllocatedBytes();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        if (presized)
        {
            index.EnsureCapacity(0, youths, count);
        }

        var next = 0;
        for (var f = 0; f < count; f++)
        {
            var members = people.AsSpan(next, sizes[f]).ToArray();
            next += sizes[f];
            Bsn[] carers = [people[youths + (2 * f)], people[youths + (2 * f) + 1]];
            var address = AddressKey.Create(string.Create(CultureInfo.InvariantCulture, $"{1000 + (f % 9000)}AB"), 1 + (f / 9000));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(f + 1), members, carers, address));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var rows = index.MeasureAllocatedBytes() - rowsBefore;
        Console.WriteLine($"{count:N0} families of {youths:N0} youths and {2 * count:N0} carers, each at an address of its own, keyed {(pseudonymised ? "by pseudonym (FeistelAes)" : "by BSN")}, tables {(presized ? "reserved" : "grown")}");
        Console.WriteLine($"managed heap growth: {(after - before) / (double)count:F1} bytes per family");
        Console.WriteLine($"of which youth rows: {rows / (double)count:F1} bytes per family ({rows / (double)youths:F1} per youth; shared with the youth's signals)");
        Console.WriteLine($"the rest, the family table's own: {(after - before - rows) / (double)count:F1} bytes per family");
        GC.KeepAlive(people);
        GC.KeepAlive(index);
    }

    // Every family gets one youth, and the rest go to random families with room, as the replay's region does.
    private static byte[] Sizes(int count)
    {
        var sizes = new byte[count];
        Array.Fill(sizes, (byte)1);
        var random = new Random(17);
        for (var extra = (int)Math.Round(count * 0.8); extra > 0;)
        {
            var family = random.Next(count);
            if (sizes[family] < 4)
            {
                sizes[family]++;
                extra--;
            }
        }

        return sizes;
    }
}
