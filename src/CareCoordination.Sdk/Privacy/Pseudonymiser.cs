using System;
using System.Security.Cryptography;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Turns BSNs into keyed pseudonyms (<see cref="PersonPseudonym"/>) with HMAC-SHA256 under a key the host supplies
/// and keeps secret, for example from its key vault. The audit trail names persons only by pseudonym, so that it can
/// outlive the data it describes.
/// </summary>
/// <remarks>Thread-safe. The key is copied; the instance never exposes it.</remarks>
public sealed class Pseudonymiser
{
    private readonly byte[] _key;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">The secret key: at least 32 bytes of random data.</param>
    /// <exception cref="WeakKeyException">The key is shorter than 32 bytes, or is printable text or a filler.</exception>
    public Pseudonymiser(ReadOnlySpan<byte> key)
    {
        KeyMaterial.Check(key, "audit pseudonymisation", nameof(key));

        _key = key.ToArray();
    }

    /// <summary>Returns the pseudonym of a BSN.</summary>
    /// <param name="bsn">The BSN.</param>
    /// <returns>The pseudonym.</returns>
    /// <exception cref="ArgumentException">The BSN is <c>default</c>.</exception>
    public PersonPseudonym Of(Bsn bsn)
    {
        if (bsn.IsDefault)
        {
            throw new ArgumentException("The BSN must not be default.", nameof(bsn));
        }

        Span<byte> digits = stackalloc byte[9];
        var number = bsn.RevealNumber();
        for (var i = 8; i >= 0; i--)
        {
            digits[i] = (byte)('0' + (number % 10));
            number /= 10;
        }

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, digits, hash);
        return new PersonPseudonym(Convert.ToHexStringLower(hash[..16]));
    }
}
