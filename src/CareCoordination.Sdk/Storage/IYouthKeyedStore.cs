namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A store that records how its persons are keyed (<see cref="YouthKeying"/>), so that opening it with another
/// keying is refused instead of matching nothing and showing pseudonyms as BSNs.
/// </summary>
public interface IYouthKeyedStore
{
    /// <summary>Reads how the store's persons are keyed, as the SDK recorded it: <c>bsn</c>, or the fingerprint of a pseudonymisation key.</summary>
    /// <returns>The keying, or <see langword="null"/> when none was recorded (a new store, or one written before the SDK recorded it).</returns>
    string? ReadYouthKeying();

    /// <summary>Records how the store's persons are keyed.</summary>
    /// <param name="keying"><c>bsn</c>, or the fingerprint of a pseudonymisation key.</param>
    void WriteYouthKeying(string keying);
}
