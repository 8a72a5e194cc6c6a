using System;
using System.Linq;
using System.Text;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Privacy;

public sealed class KeyMaterialTests
{
    [Fact]
    public void A_passphrase_is_refused_as_a_key_for_every_secret_the_host_hands_over()
    {
        var passphrase = Encoding.UTF8.GetBytes("correct horse battery staple and more words");

        Assert.Contains("passphrase", Assert.Throws<WeakKeyException>(() => new Pseudonymiser(passphrase)).Message, StringComparison.Ordinal);
        Assert.Throws<WeakKeyException>(() => new YouthPseudonymiser(passphrase));
        Assert.Throws<WeakKeyException>(() => new AuditChainKey(passphrase));
    }

    [Fact]
    public void A_filler_or_a_short_pattern_is_refused_and_the_message_does_not_contain_the_key()
    {
        var filler = new byte[32];
        var pattern = Enumerable.Range(0, 40).Select(i => (byte)(i % 8)).ToArray();

        var error = Assert.Throws<WeakKeyException>(() => new AuditChainKey(filler));
        Assert.Equal("The audit chain key is refused: it has only 1 distinct byte values, so it looks like a filler or a pattern; use random bytes. See docs/security.md for the key requirements. (Parameter 'key')", error.Message);
        Assert.Throws<WeakKeyException>(() => new Pseudonymiser(pattern));
        Assert.Throws<WeakKeyException>(() => new Pseudonymiser(TestKeys.Bytes("short").AsSpan(0, 31)));
    }

    [Fact]
    public void Thirty_two_random_bytes_are_accepted()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        Assert.NotNull(new AuditChainKey(key));
        Assert.NotNull(new Pseudonymiser(key));
    }
}
