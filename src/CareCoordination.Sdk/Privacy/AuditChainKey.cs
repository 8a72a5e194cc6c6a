using System;
using System.Security.Cryptography;
using System.Text;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The secret key that chains the audit trail (<em>logging volgens NEN 7513</em>) with HMAC-SHA256 and signs its
/// checkpoints. The host supplies it from its key vault, like the <see cref="Pseudonymiser"/>'s key, and the store never
/// holds it: whoever can write to the store but does not hold the key cannot rewrite a record, forge one or re-hash the
/// chain unnoticed.
/// </summary>
/// <remarks>Thread-safe. The key is copied; the instance never exposes it. Use a key of its own, not the pseudonymiser's.</remarks>
public sealed class AuditChainKey
{
    private readonly byte[] _key;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="key">The secret key: at least 32 bytes of random data.</param>
    /// <exception cref="WeakKeyException">The key is shorter than 32 bytes, or is printable text or a filler.</exception>
    public AuditChainKey(ReadOnlySpan<byte> key)
    {
        KeyMaterial.Check(key, "audit chain", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>Returns the HMAC-SHA256 of a text under the key, as lowercase hex.</summary>
    /// <param name="text">The text.</param>
    /// <returns>64 lowercase hex digits.</returns>
    internal string Sign(string text)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text), mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Checks a signature in constant time.</summary>
    /// <param name="text">The signed text.</param>
    /// <param name="signature">The signature to check.</param>
    /// <returns>Whether it is this key's signature of the text.</returns>
    internal bool Verifies(string text, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(signature ?? string.Empty));
}
