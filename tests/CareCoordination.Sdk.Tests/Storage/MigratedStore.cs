using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>Compares a migrated store with its source, area by area: the same records, persons under the new keying, nothing else changed.</summary>
public static class MigratedStore
{
    private static readonly string[] Kinds =
    [
        StreamDocuments.Case, StreamDocuments.Coordinator, StreamDocuments.Family, StreamDocuments.Plan, StreamDocuments.Consent,
        StreamDocuments.LegalBasis, StreamDocuments.InformationObligation, StreamDocuments.NotificationFeed, StreamDocuments.Logbook,
        StreamDocuments.ServiceIdempotencyKeys,
    ];

    /// <summary>Checks every area of <paramref name="target"/> against <paramref name="source"/>.</summary>
    /// <param name="source">The store migrated from.</param>
    /// <param name="from">Its keying.</param>
    /// <param name="target">The store migrated to.</param>
    /// <param name="to">Its keying.</param>
    /// <param name="people">Persons known to be in the source; each must be found under its new key.</param>
    public static void AssertSameContents(ICareCoordinationStore source, YouthKeying from, ICareCoordinationStore target, YouthKeying to, IEnumerable<Bsn> people)
    {
        Assert.Equal(to.Fingerprint, target.ReadYouthKeying());
        var expected = people.ToDictionary(p => from.KeyOf(p), p => to.KeyOf(p));
        var before = Read(source);
        var after = Read(target);

        // Persons map one to one, and every known person to its own new key.
        var map = new Dictionary<YouthKey, YouthKey>();
        void Maps(YouthKey old, YouthKey @new)
        {
            if (map.TryGetValue(old, out var seen))
            {
                Assert.Equal(seen, @new);
            }

            map[old] = @new;
            if (expected.TryGetValue(old, out var known))
            {
                Assert.Equal(known, @new);
            }
        }

        Assert.Equal(before.Signals.Count, after.Signals.Count);
        foreach (var (old, @new) in before.Signals.OrderBy(s => s.Id.Value).Zip(after.Signals.OrderBy(s => s.Id.Value)))
        {
            Assert.Equal(old with { Youth = @new.Youth }, @new);
            Maps(old.Youth, @new.Youth);
        }

        Assert.Equal(before.Families.Count, after.Families.Count);
        foreach (var (old, @new) in before.Families.OrderBy(f => f.Id.Value).Zip(after.Families.OrderBy(f => f.Id.Value)))
        {
            Assert.Equal(old.Id, @new.Id);
            Assert.Equal(old.Youths.Count, @new.Youths.Count);
            Assert.Equal(old.Carers.Count, @new.Carers.Count);
            // A clear address is keyed by the new keying; one keyed under an old pseudonymisation key cannot be, and goes.
            Assert.Equal(old.Address is { IsKeyed: false } clear ? (CareCoordination.Sdk.Families.AddressKey?)to.KeyOf(clear) : null, @new.Address);
            foreach (var (o, n) in old.Youths.Zip(@new.Youths).Concat(old.Carers.Zip(@new.Carers)))
            {
                Maps(o, n);
            }
        }

        Assert.Equal(map.Count, map.Values.Distinct().Count());
        // A jsonb column gives the JSON back in its own key order: the documents must be equal, not their text.
        var oldEvents = ((ISignalEventReader)source).ReadSignalEvents();
        var newEvents = ((ISignalEventReader)target).ReadSignalEvents();
        Assert.Equal(oldEvents.Count, newEvents.Count);
        foreach (var (old, @new) in oldEvents.Zip(newEvents))
        {
            Assert.Equal(old with { Json = string.Empty }, @new with { Json = string.Empty });
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(old.Json), JsonNode.Parse(@new.Json)), $"the {old.Type} event of {old.Signal} changed");
        }
        Assert.Equal(before.Answers.Select(k => (k.Key, k.At)).Order(), after.Answers.Select(k => (k.Key, k.At)).Order());
        foreach (var (old, @new) in before.Answers.OrderBy(k => k.Key, StringComparer.Ordinal).Zip(after.Answers.OrderBy(k => k.Key, StringComparer.Ordinal)))
        {
            var (oldAnswer, newAnswer) = (EventDocuments.ReadRemembered(old), EventDocuments.ReadRemembered(@new));
            Maps(YouthKey.FromStored(oldAnswer.Youth), YouthKey.FromStored(newAnswer.Youth));
            Assert.Equal(oldAnswer.Signal with { Youth = newAnswer.Signal.Youth }, newAnswer.Signal);
            Assert.Equal(oldAnswer.Matches.Count, newAnswer.Matches.Count);
        }

        foreach (var kind in Kinds)
        {
            var old = source.ReadStreams(kind);
            var @new = target.ReadStreams(kind);
            Assert.Equal(old.Select(s => (s.Id, string.Join(",", s.Events.Select(e => e.Type + "@" + e.At)))), @new.Select(s => (s.Id, string.Join(",", s.Events.Select(e => e.Type + "@" + e.At)))));

            // Read back under each store's own keying, every record says the same about the same persons.
            var fromDocuments = StreamDocuments.For(from);
            var toDocuments = StreamDocuments.For(to);
            var byBsn = StreamDocuments.For(YouthKeying.ByBsn);
            var copied = kind is StreamDocuments.Logbook or StreamDocuments.NotificationFeed or StreamDocuments.ServiceIdempotencyKeys;
            foreach (var (o, n) in old.SelectMany(s => s.Events).Zip(@new.SelectMany(s => s.Events)))
            {
                var (oldJson, newJson) = copied ? (o.Json, n.Json) : (fromDocuments.Rekey(o, byBsn).Json, toDocuments.Rekey(n, byBsn).Json);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(oldJson), JsonNode.Parse(newJson)), $"a {o.Type} in a {kind} stream changed:\n{oldJson}\n{newJson}");
            }
        }

        // Identifiers the source erased stay used: the target never gives one out again.
        Assert.Equal(before.SignalIdsUsedUpTo, after.SignalIdsUsedUpTo);

        var oldTrail = source.LoadAuditTrail();
        var newTrail = target.LoadAuditTrail();
        Assert.Equal((oldTrail.Genesis, oldTrail.GenesisSequence), (newTrail.Genesis, newTrail.GenesisSequence));
        Assert.Equal(oldTrail.Records.Select(r => (r.Sequence, r.Hash, r.PreviousHash)), newTrail.Records.Select(r => (r.Sequence, r.Hash, r.PreviousHash)));
    }

    private static Contents Read(ISignalStore store)
    {
        var contents = new Contents();
        store.Load(contents);
        return contents;
    }

    private sealed class Contents : IStoredIndexSink
    {
        public List<StoredSignal> Signals { get; } = [];

        public List<StoredFamily> Families { get; } = [];

        public List<StoredIdempotencyKey> Answers { get; } = [];

        public void Add(in StoredSignal signal) => Signals.Add(signal);

        public void Add(StoredFamily family) => Families.Add(family);

        public Sdk.Signals.SignalId? SignalIdsUsedUpTo { get; private set; }

        public void Add(StoredIdempotencyKey key) => Answers.Add(key);

        void IStoredIndexSink.SignalIdsUsedUpTo(Sdk.Signals.SignalId last) => SignalIdsUsedUpTo = last;
    }
}
