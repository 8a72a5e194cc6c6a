using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Storage;
using Xunit;

namespace CareCoordination.Sdk.VendorStore.Tests;

public sealed class OutsideTheCoreTests
{
    [Fact]
    public void The_core_opens_no_internals_to_the_assembly_that_holds_the_vendors_store()
    {
        var friends = typeof(ReferenceIndex).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName);

        Assert.DoesNotContain(typeof(JournalStore).Assembly.GetName().Name, friends);
    }

    [Fact]
    public void A_commit_cut_off_by_a_crash_is_dropped_when_the_store_opens_and_every_commit_before_it_is_kept()
    {
        using var files = new JournalFiles();
        var path = files.NewPath();
        var family = new StoredFamily(new FamilyId(7), [YouthKey.FromStored(123_456_782)], []);
        using (var store = new JournalStore(path))
        {
            store.SaveFamily(family);
        }

        File.AppendAllText(path, "{\"changes\":{\"signals\":[");
        using (var reopened = new JournalStore(path))
        {
            var loaded = new FamiliesOnly();
            reopened.Load(loaded);
            Assert.Equal([7], loaded.Families);
            reopened.RemoveFamily(new FamilyId(7));
        }

        using var again = new JournalStore(path);
        var after = new FamiliesOnly();
        again.Load(after);
        Assert.Empty(after.Families);
    }

    private sealed class FamiliesOnly : IStoredIndexSink
    {
        public System.Collections.Generic.List<int> Families { get; } = [];

        public void Add(in StoredSignal signal)
        {
        }

        public void Add(StoredFamily family) => Families.Add(family.Id.Value);

        public void Add(StoredIdempotencyKey key)
        {
        }
    }
}
