using System;
using System.Runtime.Intrinsics;
using AesNi = System.Runtime.Intrinsics.X86.Aes;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Masks the BSN a pseudonymised index keeps beside a youth's pseudonym: the BSN is XORed with 30 bits of one AES-128
/// block of the pseudonym, under a key derived from the pseudonymisation secret, so that turning a match's other youth
/// back into its BSN costs one AES block instead of the inverse permutation's ten rounds.
/// </summary>
/// <remarks>
/// Every pseudonym has its own mask, a block of a pseudorandom permutation that no one without the key can compute, so
/// a masked number tells nothing more than the pseudonym beside it: like the pseudonym, it is only as secret as the key
/// the process holds. Only on a processor with AES instructions: there one block is a few nanoseconds, where a block
/// through the platform's AES would cost more than the permutation it saves.
/// </remarks>
internal sealed class NumberMask
{
    // The BSN's 30 bits: 999,999,999 is below 2^30, so a masked number is never negative.
    private const int Bits = (1 << 30) - 1;

    private readonly Vector128<byte>[] _roundKeys = new Vector128<byte>[Aes128Rounds.RoundKeyCount];

    /// <summary>Initializes a new instance.</summary>
    /// <param name="aesKey">The 16-byte AES-128 key.</param>
    /// <exception cref="PlatformNotSupportedException">The processor has no AES instructions (<see cref="IsSupported"/>).</exception>
    public NumberMask(ReadOnlySpan<byte> aesKey)
    {
        // Prepare checks the key and falls back to the platform's AES only where the processor has no AES instructions.
        if (Aes128Rounds.Prepare(aesKey, useProcessorAes: true, _roundKeys) is { } portable)
        {
            portable.Dispose();
            throw new PlatformNotSupportedException("Masked numbers need the processor's AES instructions.");
        }
    }

    /// <summary>Gets a value indicating whether this processor has the AES instructions masks are computed with.</summary>
    public static bool IsSupported => AesNi.IsSupported;

    /// <summary>The mask of a pseudonym: XOR it onto the BSN to hide it, and onto the masked number to get the BSN back.</summary>
    /// <param name="pseudonym">The youth's pseudonym.</param>
    /// <returns>30 bits, never negative.</returns>
    public int Of(int pseudonym) => Aes128Rounds.Encrypt(Vector128.CreateScalar(pseudonym).AsByte(), _roundKeys).AsInt32().ToScalar() & Bits;
}
