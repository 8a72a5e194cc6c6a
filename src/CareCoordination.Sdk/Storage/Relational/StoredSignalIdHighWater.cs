using System.Globalization;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>
/// The highest signal identifier a relational store has erased, kept as a store setting so that identifiers come from
/// the store: when the newest signals are erased (withdrawn as unjustified, erased on request or at a death), the rows
/// left no longer show how far the index counted, and without it the next registration would reuse an identifier that
/// other parties' match events, logbook lines and notifications still name.
/// </summary>
public static class StoredSignalIdHighWater
{
    /// <summary>The name of the setting in the store's settings table; its value is the identifier as decimal text.</summary>
    public const string SettingName = "erased_signal_high_water";

    /// <summary>The table the setting is in, as a load reports it.</summary>
    public const string SettingsTable = "store_settings";

    /// <summary>Hands the stored setting to the index as it rebuilds, after checking it.</summary>
    /// <param name="value">The setting's value, or <see langword="null"/> when the store never erased a signal.</param>
    /// <param name="sink">The index rebuilding itself.</param>
    /// <param name="validator">The load's checks.</param>
    /// <exception cref="CorruptStoredDataException">The value is no positive identifier and the validator stops at damage.</exception>
    public static void Add(string? value, IStoredIndexSink sink, StoredRowValidator validator)
    {
        Internal.Guard.NotNull(sink);
        Internal.Guard.NotNull(validator);
        if (value is null)
        {
            return;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var last) || last <= 0)
        {
            validator.Refuse(SettingsTable, "'" + SettingName + "'", "its value is not a positive signal identifier", null);
            return;
        }

        sink.SignalIdsUsedUpTo(new Signals.SignalId(last));
    }
}
