namespace CareCoordination.Sdk.Storage;

/// <summary>Where a stored signal stands in its lifetime.</summary>
public enum StoredSignalState
{
    /// <summary>In the active index, matched.</summary>
    Active = 1,

    /// <summary>In the historical archive (<em>historisch archief</em>), never matched.</summary>
    Archived = 2,
}
