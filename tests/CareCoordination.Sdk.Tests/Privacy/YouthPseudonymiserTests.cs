using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy;

public sealed class YouthPseudonymiserTests
{
    private static readonly YouthPseudonymiser Pseudonyms = IndexScenario.SharedPseudonymiser;

    // The test's youth key under FF1, whose fingerprint the scheme tests compare with the default scheme's.
    private static readonly YouthPseudonymiser YouthKey = new(TestKeys.Bytes("youth"), PseudonymisationScheme.Ff1);

    [Property(MaxTest = 1000)]
    public void A_pseudonym_under_either_scheme_is_a_number_in_the_BSN_range_and_turns_back_into_its_number(PositiveInt raw)
    {
        var number = 1 + (raw.Get % 999_999_999);

        foreach (var pseudonymiser in new[] { Pseudonyms, YouthKey })
        {
            var pseudonym = pseudonymiser.Forward(number);

            Assert.InRange(pseudonym, 1, 999_999_999);
            Assert.Equal(number, pseudonymiser.Inverse(pseudonym));
        }
    }

    [Fact]
    public void Different_youths_never_share_a_pseudonym_and_the_pseudonym_hides_the_number()
    {
        var numbers = TestBsns.Generate(20_000, seed: 4).Select(b => b.RevealNumber()).ToArray();

        var pseudonyms = numbers.Select(Pseudonyms.Forward).ToArray();

        Assert.Equal(numbers.Length, new HashSet<int>(pseudonyms).Count);
        Assert.True(numbers.Zip(pseudonyms).Count(p => p.First == p.Second) <= 1);
    }

    [Fact]
    public void Another_key_gives_other_pseudonyms()
    {
        var other = new YouthPseudonymiser(TestKeys.Bytes("other youth"));
        var number = TestBsns.First.RevealNumber();

        Assert.NotEqual(Pseudonyms.Forward(number), other.Forward(number));
        Assert.Throws<WeakKeyException>(() => new YouthPseudonymiser(new byte[31]));
    }

    [Fact]
    public void A_pseudonymised_index_holds_no_BSN_in_its_slots_and_answers_with_real_ones()
    {
        var scenario = new IndexScenario(pseudonymiser: Pseudonyms);
        var youth = IndexScenario.YouthAged(TestBsns.First, 9);
        scenario.Register(TestRegion.School, youth);

        var result = scenario.Register(TestRegion.SocialWork, youth);

        Assert.True(scenario.Index.IsPseudonymised);
        Assert.Equal(TestBsns.First, result.Signal.Youth);
        Assert.Equal(TestBsns.First, result.Matches[0].OtherYouth);
        Assert.Equal([TestBsns.First, TestBsns.First], scenario.Index.GetActiveSignals(TestBsns.First).Select(s => s.Youth));
        Assert.False(scenario.Index.HoldsKey(TestBsns.First.RevealNumber()));
        Assert.True(scenario.Index.HoldsKey(Pseudonyms.Forward(TestBsns.First.RevealNumber())));
    }

    [Fact]
    public void A_store_written_by_an_index_keyed_by_BSN_refuses_a_pseudonymised_index_and_the_other_way_round()
    {
        var plainStore = new InMemorySignalStore();
        var keyedStore = new InMemorySignalStore();
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        Open(plainStore, clock, null).Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(TestBsns.First, 9))).ThrowIfRefused();
        Open(keyedStore, clock, Pseudonyms).Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(TestBsns.First, 9))).ThrowIfRefused();

        var toKeyed = Assert.Throws<Sdk.Storage.StoreKeyingMismatchException>(() => Open(plainStore, clock, Pseudonyms));
        var toPlain = Assert.Throws<Sdk.Storage.StoreKeyingMismatchException>(() => Open(keyedStore, clock, null));
        var otherKey = Assert.Throws<Sdk.Storage.StoreKeyingMismatchException>(() => Open(keyedStore, clock, new YouthPseudonymiser(TestKeys.Bytes("third youth"))));

        Assert.Equal("The store holds persons keyed by BSN and this SDK is pseudonymised: open it without a YouthPseudonymiser, or rebuild the store.", toKeyed.Message);
        Assert.Equal("The store holds pseudonymised persons and this SDK has no YouthPseudonymiser: open it with the key it was written with.", toPlain.Message);
        Assert.StartsWith("The store was written with another pseudonymisation key (hmac-sha256:", otherKey.Message, System.StringComparison.Ordinal);
        Assert.Equal(1, Open(keyedStore, clock, Pseudonyms).ActiveSignalCount);
        Assert.Equal(TestBsns.First, Open(keyedStore, clock, Pseudonyms).GetActiveSignals(TestBsns.First)[0].Youth);
    }

    [Fact]
    public void A_store_written_under_the_default_scheme_is_refused_under_FF1_with_the_same_key_and_told_how_to_move_it()
    {
        var store = new InMemorySignalStore();
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var tables = new YouthPseudonymiser(TestKeys.Bytes("youth"));
        Open(store, clock, tables).Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(TestBsns.First, 9))).ThrowIfRefused();

        var refused = Assert.Throws<Sdk.Storage.StoreKeyingMismatchException>(() => Open(store, clock, YouthKey));

        Assert.Equal(
            $"The store was written with this pseudonymisation key under the scheme FeistelTables ({tables.KeyFingerprint}), and this SDK's YouthPseudonymiser uses Ff1 ({YouthKey.KeyFingerprint}): open it with new YouthPseudonymiser(key, PseudonymisationScheme.FeistelTables), or move it to the new scheme with YouthKeyMigration (docs/operations.md).",
            refused.Message);
        Assert.Equal(TestBsns.First, Open(store, clock, tables).GetActiveSignals(TestBsns.First)[0].Youth);
    }

    [Theory]
    [InlineData(PseudonymisationScheme.FeistelTables)]
    [InlineData(PseudonymisationScheme.Ff1)]
    [InlineData(PseudonymisationScheme.FeistelAes)]
    public void A_store_that_recorded_its_keying_keeps_the_scheme_it_was_written_with(PseudonymisationScheme scheme)
    {
        var written = new YouthPseudonymiser(TestKeys.Bytes("youth"), scheme);

        Assert.Equal(scheme, YouthPseudonymiser.SchemeFor(written.KeyFingerprint));
        Assert.Equal(scheme, YouthPseudonymiser.SchemeFor(new YouthPseudonymiser(TestKeys.Bytes("other youth"), scheme).KeyFingerprint));
    }

    [Fact]
    public void A_new_store_is_keyed_under_the_AES_Feistel_network_where_the_processor_has_AES_instructions_and_under_the_tables_elsewhere()
    {
        var expected = System.Runtime.Intrinsics.X86.Aes.IsSupported ? PseudonymisationScheme.FeistelAes : PseudonymisationScheme.FeistelTables;

        Assert.Equal(expected, YouthPseudonymiser.SchemeFor(null));

        // A store keyed by BSN names no scheme; opening it pseudonymised is refused when the index claims it.
        Assert.Equal(expected, YouthPseudonymiser.SchemeFor(Sdk.Storage.YouthKeying.ByBsn.Fingerprint));
    }

    [Fact]
    public void One_key_has_one_fingerprint_per_scheme_and_the_schemes_give_other_pseudonyms()
    {
        var tables = new YouthPseudonymiser(TestKeys.Bytes("youth"));
        var number = TestBsns.First.RevealNumber();

        Assert.Equal(PseudonymisationScheme.FeistelTables, tables.Scheme);
        Assert.Equal(PseudonymisationScheme.Ff1, YouthKey.Scheme);
        Assert.StartsWith("ff1:", YouthKey.KeyFingerprint, System.StringComparison.Ordinal);
        Assert.StartsWith("hmac-sha256:", tables.KeyFingerprint, System.StringComparison.Ordinal);
        Assert.Equal(YouthKey.KeyFingerprint["ff1:".Length..], tables.KeyFingerprint["hmac-sha256:".Length..]);
        Assert.NotEqual(YouthKey.Forward(number), tables.Forward(number));
        var aes = new YouthPseudonymiser(TestKeys.Bytes("youth"), PseudonymisationScheme.FeistelAes);
        Assert.Equal(PseudonymisationScheme.FeistelAes, aes.Scheme);
        Assert.Equal("aes-feistel:" + tables.KeyFingerprint["hmac-sha256:".Length..], aes.KeyFingerprint);
        Assert.NotEqual(tables.Forward(number), aes.Forward(number));
        Assert.NotEqual(YouthKey.Forward(number), aes.Forward(number));
        Assert.Equal(number, aes.Inverse(aes.Forward(number)));
        Assert.Equal(PseudonymisationScheme.FeistelAes, Sdk.Storage.YouthKeying.Pseudonymised(tables).OtherSchemeOfThisKey(aes.KeyFingerprint));
        Assert.Equal(PseudonymisationScheme.FeistelTables, Sdk.Storage.YouthKeying.Pseudonymised(aes).OtherSchemeOfThisKey(tables.KeyFingerprint));
        Assert.Equal(number, tables.Inverse(tables.Forward(number)));
        Assert.Null(Sdk.Storage.YouthKeying.Pseudonymised(YouthKey).OtherSchemeOfThisKey(new YouthPseudonymiser(TestKeys.Bytes("other youth")).KeyFingerprint));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => new YouthPseudonymiser(TestKeys.Bytes("youth"), (PseudonymisationScheme)4));
    }

    [Fact]
    public void FF1_runs_on_the_processor_s_AES_instructions_here_and_gives_the_platform_s_answers_without_them()
    {
        var platform = new YouthPseudonymiser(TestKeys.Bytes("youth"), PseudonymisationScheme.Ff1, useProcessorAes: false);
        var numbers = TestBsns.Generate(200, seed: 5).Select(b => b.RevealNumber()).ToArray();

        Assert.Equal(System.Runtime.Intrinsics.X86.Aes.IsSupported, YouthKey.UsesProcessorAes);
        Assert.Equal(numbers.Select(YouthKey.Forward), numbers.Select(platform.Forward));
    }

    [Fact]
    public void A_store_written_under_the_AES_Feistel_scheme_is_refused_under_the_tables_with_the_same_key_and_told_how_to_open_it()
    {
        var store = new InMemorySignalStore();
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var aes = new YouthPseudonymiser(TestKeys.Bytes("youth"), PseudonymisationScheme.FeistelAes);
        var tables = new YouthPseudonymiser(TestKeys.Bytes("youth"));
        Open(store, clock, aes).Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(TestBsns.First, 9))).ThrowIfRefused();

        var refused = Assert.Throws<Sdk.Storage.StoreKeyingMismatchException>(() => Open(store, clock, tables));

        Assert.Equal(
            $"The store was written with this pseudonymisation key under the scheme FeistelAes ({aes.KeyFingerprint}), and this SDK's YouthPseudonymiser uses FeistelTables ({tables.KeyFingerprint}): open it with new YouthPseudonymiser(key, PseudonymisationScheme.FeistelAes), or move it to the new scheme with YouthKeyMigration (docs/operations.md).",
            refused.Message);
        Assert.Equal(TestBsns.First, Open(store, clock, aes).GetActiveSignals(TestBsns.First)[0].Youth);
    }

    [Fact]
    public void The_AES_Feistel_scheme_runs_on_the_processor_s_AES_instructions_here_and_gives_the_platform_s_answers_without_them()
    {
        var processor = new YouthPseudonymiser(TestKeys.Bytes("youth"), PseudonymisationScheme.FeistelAes);
        var platform = new YouthPseudonymiser(TestKeys.Bytes("youth"), PseudonymisationScheme.FeistelAes, useProcessorAes: false);
        var numbers = TestBsns.Generate(200, seed: 5).Select(b => b.RevealNumber()).ToArray();
        var together = new int[numbers.Length];
        processor.Forward(numbers, together);

        Assert.Equal(System.Runtime.Intrinsics.X86.Aes.IsSupported, processor.UsesProcessorAes);
        Assert.False(platform.UsesProcessorAes);
        Assert.Equal(numbers.Select(processor.Forward), numbers.Select(platform.Forward));
        Assert.Equal(numbers.Select(processor.Forward), together);
    }

    private static Sdk.Index.ReferenceIndex Open(Sdk.Storage.ISignalStore store, NodaTime.IClock clock, YouthPseudonymiser? pseudonymiser) =>
        new(Sdk.Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, null, pseudonymiser);
}
