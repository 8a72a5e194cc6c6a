using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Testing;

/// <summary>Valid citizen service numbers for tests: they pass the eleven test, and none belongs to a known person on purpose.</summary>
public static class TestBsns
{
    /// <summary>Gets <c>111222333</c>, the number Dutch government test environments use.</summary>
    public static Bsn First { get; } = Bsn.Parse("111222333");

    /// <summary>Gets <c>123456782</c>, another valid number.</summary>
    public static Bsn Second { get; } = Bsn.Parse("123456782");

    /// <summary>Generates distinct valid numbers, in a shuffled order that depends only on <paramref name="seed"/>.</summary>
    /// <param name="count">How many; at most 80 million.</param>
    /// <param name="seed">The seed of the order.</param>
    /// <returns>The numbers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or too large.</exception>
    public static Bsn[] Generate(int count, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 80_000_000);
        var result = new Bsn[count];
        var found = 0;
        for (var number = 100_000_000; found < count; number++)
        {
            if (Bsn.PassesElevenTest(number))
            {
                result[found++] = Bsn.FromNumber(number);
            }
        }

        new Random(seed).Shuffle(result);
        return result;
    }

    /// <summary>Enumerates every valid number from a starting number upwards.</summary>
    /// <param name="from">The first number to consider.</param>
    /// <returns>The valid numbers, in increasing order.</returns>
    public static IEnumerable<Bsn> From(int from)
    {
        for (var number = Math.Max(1, from); number <= 999_999_999; number++)
        {
            if (Bsn.PassesElevenTest(number))
            {
                yield return Bsn.FromNumber(number);
            }
        }
    }
}
