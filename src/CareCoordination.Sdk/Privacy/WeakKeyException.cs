using System;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Thrown when the host hands the SDK a secret key that is too short or obviously not random (a passphrase, a filler):
/// such a key could be guessed offline from the fingerprint a store keeps. The message never contains the key.
/// </summary>
public sealed class WeakKeyException : ArgumentException
{
    internal WeakKeyException(string what, string reason, string parameterName)
        : base($"The {what} key is refused: {reason}. See docs/security.md for the key requirements.", parameterName)
    {
        Reason = reason;
    }

    /// <summary>Gets why the key was refused.</summary>
    public string Reason { get; }
}
