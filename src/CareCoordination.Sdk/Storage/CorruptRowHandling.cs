namespace CareCoordination.Sdk.Storage;

/// <summary>What a store does with a damaged row it finds while the index loads.</summary>
public enum CorruptRowHandling
{
    /// <summary>Stops the start with <see cref="CorruptStoredDataException"/>: the default, because a skipped row is a signal the index forgets.</summary>
    Stop = 0,

    /// <summary>
    /// Skips the row, reports it in the store's quarantine list, and loads the rest, for an operator who would rather
    /// serve without the row than not serve; a row of a newer schema version is never skipped.
    /// </summary>
    Quarantine = 1,
}
