using System;
using System.Globalization;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Sqlite;

/// <summary>
/// Reads the file's signals, families and idempotency keys into the index's sink, every row checked by the load's
/// <see cref="StoredRowValidator"/>, and checks that every event names a signal the file holds. Every column is read
/// only when it holds the kind of value the SDK writes, because SQLite keeps any value in any column.
/// </summary>
internal static class SqliteLoader
{
    private const int SignalColumnCount = 10;

    // AUTOINCREMENT refuses a new event once the sequence reaches the largest integer, and SQLite reports that as a full
    // disk; a sequence this close to the end was not counted there by the SDK.
    private const long HighestPlausibleSequence = long.MaxValue / 2;

    /// <summary>Reads everything the index rebuilds from, in the caller's transaction if any.</summary>
    public static void Load(SqliteConnection connection, SqliteTransaction? transaction, IStoredIndexSink sink, StoredRowValidator validator)
    {
        Span<long> values = stackalloc long[SignalColumnCount];
        using (var command = Command(connection, transaction, "SELECT id, youth, organisation, reporter, registered_ticks, day, expiry, state, offered, schema_version, age_limit_day FROM signals ORDER BY id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var failed = StoredColumns.TryIntegers(reader, values);
                var key = failed == 0 ? "?" : values[0].ToString(CultureInfo.InvariantCulture);
                if (failed >= 0)
                {
                    validator.Refuse(StoredRowValidator.SignalsTable, key, $"its column {reader.GetName(failed)} does not hold an integer", null);
                    continue;
                }

                long? ageLimit = null;
                if (!reader.IsDBNull(SignalColumnCount))
                {
                    if (!StoredColumns.TryInteger(reader, SignalColumnCount, out var day))
                    {
                        validator.Refuse(StoredRowValidator.SignalsTable, key, $"its column {reader.GetName(SignalColumnCount)} does not hold an integer", null);
                        continue;
                    }

                    ageLimit = day;
                }

                if (validator.TryAcceptSchemaVersion(StoredRowValidator.SignalsTable, key, values[9], SqliteSchema.Version)
                    && validator.TryAcceptSignal(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], ageLimit, out var signal))
                {
                    sink.Add(signal);
                }
            }
        }

        var families = new StoredFamilyRows();
        using (var command = Command(connection, transaction, "SELECT family_id, position, role, member FROM family_members ORDER BY family_id, position"))
        using (var reader = command.ExecuteReader())
        {
            Span<long> member = stackalloc long[4];
            while (reader.Read())
            {
                var failed = StoredColumns.TryIntegers(reader, member);
                if (failed >= 0)
                {
                    validator.Refuse(StoredRowValidator.FamilyMembersTable, string.Create(CultureInfo.InvariantCulture, $"{member[0]}/{member[1]}"), $"its column {reader.GetName(failed)} does not hold an integer", null);
                }
                else if (validator.TryAcceptFamilyMember(member[0], member[1], member[2], member[3]))
                {
                    families.Add((int)member[0], (int)member[2], (int)member[3]);
                }
            }
        }

        using (var command = Command(connection, transaction, "SELECT family_id, address, municipality FROM family_addresses ORDER BY family_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                // A family number that is no integer reads as 0, which the validator refuses as not positive; so does a
                // municipality that is no integer, read as 0.
                var id = StoredColumns.TryInteger(reader, 0, out var number) ? number : 0;
                long? municipality = reader.IsDBNull(2) ? null : StoredColumns.TryInteger(reader, 2, out var code) ? code : 0;
                if (validator.TryAcceptFamilyAddress(id, reader.GetValue(1) as string, municipality, out var address, out var place))
                {
                    families.AddAddress((int)id, address, place);
                }
            }
        }

        foreach (var family in families.Families())
        {
            sink.Add(family);
        }

        using (var keys = Command(connection, transaction, "SELECT " + StoredIdempotencyRows.Columns + " FROM idempotency_keys ORDER BY key"))
        using (var rows = keys.ExecuteReader())
        {
            StoredIdempotencyRows.AddAll(rows, sink, validator);
        }

        using (var highWater = Command(connection, transaction, $"SELECT value FROM store_settings WHERE name = '{StoredSignalIdHighWater.SettingName}'"))
        {
            StoredSignalIdHighWater.Add(highWater.ExecuteScalar() is { } value and not System.DBNull ? System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null, sink, validator);
        }

        CheckEvents(connection, transaction, validator);
    }

    // A store erases an event with its signal, and a match event with either signal, and then writes the logbook lines
    // of the removal (the withdrawal, SignalRemoved) without a BSN. So an event may name a missing signal only when a
    // SignalRemoved event names it; any other is a row left behind by damage. Its own columns are checked when it is read.
    private static void CheckEvents(SqliteConnection connection, SqliteTransaction? transaction, StoredRowValidator validator)
    {
        using (var orphans = Command(connection, transaction, """
            SELECT e.sequence, e.signal_id FROM events e
            WHERE NOT EXISTS (SELECT 1 FROM signals s WHERE s.id = e.signal_id)
              AND NOT EXISTS (SELECT 1 FROM events r WHERE r.signal_id = e.signal_id AND r.type = 'SignalRemoved')
            UNION ALL
            SELECT e.sequence, e.other_signal_id FROM events e
            WHERE e.other_signal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.id = e.other_signal_id)
              AND NOT EXISTS (SELECT 1 FROM events r WHERE r.signal_id = e.other_signal_id AND r.type = 'SignalRemoved')
            ORDER BY 1
            """))
        using (var reader = orphans.ExecuteReader())
        {
            while (reader.Read())
            {
                StoredColumns.TryInteger(reader, 0, out var sequence);
                if (StoredColumns.TryInteger(reader, 1, out var signal))
                {
                    validator.RefuseOrphanEvent(sequence, signal);
                }
                else
                {
                    validator.Refuse(StoredRowValidator.EventsTable, sequence.ToString(CultureInfo.InvariantCulture), "its signal is not an integer", null);
                }
            }
        }

        using var counter = Command(connection, transaction, "SELECT seq FROM sqlite_sequence WHERE name = 'events'");
        object? next;
        try
        {
            next = counter.ExecuteScalar();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // SQLite keeps this table's definition itself; one that lost its column was damaged in the file.
            validator.Refuse("sqlite_sequence", "events", "the events' sequence counter cannot be read: its table's definition in the file is damaged", null);
            return;
        }

        if (next is long sequenceCounter && sequenceCounter > HighestPlausibleSequence)
        {
            validator.Refuse("sqlite_sequence", "events", "the events' sequence counter is near its end, which the SDK's writes never reach", null);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
