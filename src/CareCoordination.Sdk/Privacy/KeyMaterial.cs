using System;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The checks every secret key the host hands the SDK passes: long enough, and not obviously a passphrase or a
/// placeholder. A store keeps a fingerprint of some keys beside the data, so a guessable key could be tested offline
/// by anyone holding a copy of the store.
/// </summary>
internal static class KeyMaterial
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumLength = 32;

    // Thirty-two random bytes show about 30 distinct values; fewer than 16 means a pattern, a repeated filler or text.
    private const int MinimumDistinctBytes = 16;

    /// <summary>Refuses a key that is short, printable text or made of few distinct bytes.</summary>
    /// <param name="key">The key.</param>
    /// <param name="what">What the key is for, for the message.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <exception cref="WeakKeyException">The key is refused.</exception>
    public static void Check(ReadOnlySpan<byte> key, string what, string parameterName)
    {
        if (key.Length < MinimumLength)
        {
            throw new WeakKeyException(what, $"it has {key.Length} bytes; use at least {MinimumLength} bytes (256 bits) of random data", parameterName);
        }

        var printable = true;
        Span<bool> seen = stackalloc bool[256];
        var distinct = 0;
        foreach (var b in key)
        {
            printable &= b is >= 0x20 and < 0x7F;
            if (!seen[b])
            {
                seen[b] = true;
                distinct++;
            }
        }

        if (printable)
        {
            throw new WeakKeyException(what, "every byte is printable text, so it looks like a passphrase; use random bytes from a key vault or RandomNumberGenerator, not text", parameterName);
        }

        if (distinct < MinimumDistinctBytes)
        {
            throw new WeakKeyException(what, $"it has only {distinct} distinct byte values, so it looks like a filler or a pattern; use random bytes", parameterName);
        }
    }
}
