using System.Linq;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// What one pseudonym costs under each <see cref="PseudonymisationScheme"/>: a chain of pseudonyms, each BSN number the
/// pseudonym of the one before, so that each waits for the last as an index's registration waits for its youth's key.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 10)]
public class PermutationBenchmarks
{
    private const int Chain = 1_000;

    private YouthPseudonymiser _pseudonymiser = null!;

    [Params(PseudonymisationScheme.FeistelTables, PseudonymisationScheme.Ff1, PseudonymisationScheme.FeistelAes)]
    public PseudonymisationScheme Scheme { get; set; }

    [GlobalSetup]
    public void SetUp() => _pseudonymiser = new YouthPseudonymiser(Enumerable.Range(0, 32).Select(i => (byte)((i * 13) + 7)).ToArray(), Scheme);

    [Benchmark(OperationsPerInvoke = Chain, Description = "a pseudonym, in a chain")]
    public int Forward()
    {
        var number = 123_456_782;
        for (var i = 0; i < Chain; i++)
        {
            number = _pseudonymiser.Forward(number);
        }

        return number;
    }

    [Benchmark(OperationsPerInvoke = Chain * 4, Description = "four pseudonyms one by one, in four chains")]
    public int ForwardFourOneByOne()
    {
        int a = 123_456_782, b = 111_222_333, c = 999_999_999, d = 1;
        for (var i = 0; i < Chain; i++)
        {
            a = _pseudonymiser.Forward(a);
            b = _pseudonymiser.Forward(b);
            c = _pseudonymiser.Forward(c);
            d = _pseudonymiser.Forward(d);
        }

        return a ^ b ^ c ^ d;
    }

    [Benchmark(OperationsPerInvoke = Chain * 4, Description = "four pseudonyms together (a family's members), in four chains")]
    public int ForwardFourTogether()
    {
        System.Span<int> four = [123_456_782, 111_222_333, 999_999_999, 1];
        for (var i = 0; i < Chain; i++)
        {
            _pseudonymiser.Forward(four, four);
        }

        return four[0] ^ four[1] ^ four[2] ^ four[3];
    }

    [Benchmark(OperationsPerInvoke = Chain, Description = "a BSN from its pseudonym, in a chain")]
    public int Inverse()
    {
        var pseudonym = 123_456_782;
        for (var i = 0; i < Chain; i++)
        {
            pseudonym = _pseudonymiser.Inverse(pseudonym);
        }

        return pseudonym;
    }
}
