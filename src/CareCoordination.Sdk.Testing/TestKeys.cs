using System;
using System.Security.Cryptography;
using System.Text;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Testing;

/// <summary>
/// Fixed keys for tests: random-looking bytes derived from a name, so that they pass the SDK's key checks and are the
/// same on every run. They are public knowledge: never use them outside tests.
/// </summary>
public static class TestKeys
{
    /// <summary>Gets a pseudonymiser for the audit trail.</summary>
    public static Pseudonymiser Pseudonymiser { get; } = new(Bytes("pseudonymiser"));

    /// <summary>Gets a chain key for the audit trail.</summary>
    public static AuditChainKey AuditChain { get; } = new(Bytes("audit chain"));

    /// <summary>Returns 32 bytes derived from a name: the SHA-256 of it.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static byte[] Bytes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SHA256.HashData(Encoding.UTF8.GetBytes("CareCoordination.Sdk.Testing " + name));
    }
}
