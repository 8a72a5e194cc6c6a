using System;
using System.Globalization;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Npgsql;
using NpgsqlTypes;

namespace CareCoordination.Sdk.PostgreSql;

/// <summary>
/// Reads the schema's signals (with one binary COPY), families and idempotency keys into the index's sink, every row
/// checked by the load's <see cref="StoredRowValidator"/>, and checks that every event names a signal the schema holds.
/// </summary>
internal static class PostgreSqlLoader
{
    /// <summary>Reads everything the index rebuilds from, in the connection's current transaction if any.</summary>
    public static void Load(NpgsqlConnection connection, string schema, IStoredIndexSink sink, StoredRowValidator validator)
    {
        using (var reader = connection.BeginBinaryExport(
            $"COPY (SELECT id, youth, organisation, reporter, registered_ticks, day, expiry, state, offered, schema_version, age_limit_day FROM {schema}.signals ORDER BY id) TO STDOUT (FORMAT BINARY)"))
        {
            while (reader.StartRow() != -1)
            {
                var id = reader.Read<long>(NpgsqlDbType.Bigint);
                long youth = reader.Read<int>(NpgsqlDbType.Integer);
                long organisation = reader.Read<int>(NpgsqlDbType.Integer);
                long reporter = reader.Read<int>(NpgsqlDbType.Integer);
                var ticks = reader.Read<long>(NpgsqlDbType.Bigint);
                long day = reader.Read<int>(NpgsqlDbType.Integer);
                long expiry = reader.Read<short>(NpgsqlDbType.Smallint);
                long state = reader.Read<short>(NpgsqlDbType.Smallint);
                long offered = reader.Read<bool>(NpgsqlDbType.Boolean) ? 1 : 0;
                long version = reader.Read<int>(NpgsqlDbType.Integer);
                long? ageLimit = reader.IsNull ? null : reader.Read<int>(NpgsqlDbType.Integer);
                if (ageLimit is null)
                {
                    reader.Skip();
                }

                var key = id.ToString(CultureInfo.InvariantCulture);
                if (validator.TryAcceptSchemaVersion(StoredRowValidator.SignalsTable, key, version, PostgreSqlSchema.Version)
                    && validator.TryAcceptSignal(id, youth, organisation, reporter, ticks, day, expiry, state, offered, ageLimit, out var signal))
                {
                    sink.Add(signal);
                }
            }
        }

        var families = new StoredFamilyRows();
        using (var command = new NpgsqlCommand($"SELECT family_id, position, role, member FROM {schema}.family_members ORDER BY family_id, position", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long family = reader.GetInt32(0);
                long member = reader.GetInt32(3);
                if (validator.TryAcceptFamilyMember(family, reader.GetInt32(1), reader.GetInt16(2), member))
                {
                    families.Add((int)family, reader.GetInt16(2), (int)member);
                }
            }
        }

        using (var command = new NpgsqlCommand($"SELECT family_id, address, municipality FROM {schema}.family_addresses ORDER BY family_id", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                long family = reader.GetInt32(0);
                long? municipality = reader.IsDBNull(2) ? null : reader.GetInt16(2);
                if (validator.TryAcceptFamilyAddress(family, reader.GetString(1), municipality, out var address, out var place))
                {
                    families.AddAddress((int)family, address, place);
                }
            }
        }

        foreach (var family in families.Families())
        {
            sink.Add(family);
        }

        // jsonb comes back as text through the cast, in the column order the shared reader expects.
        using (var keys = new NpgsqlCommand($"SELECT key, at_ticks, schema_version, answer::text FROM {schema}.idempotency_keys ORDER BY key COLLATE \"C\"", connection))
        using (var rows = keys.ExecuteReader())
        {
            StoredIdempotencyRows.AddAll(rows, sink, validator);
        }

        using (var highWater = new NpgsqlCommand($"SELECT value FROM {schema}.store_settings WHERE name = '{StoredSignalIdHighWater.SettingName}'", connection))
        {
            StoredSignalIdHighWater.Add(highWater.ExecuteScalar() as string, sink, validator);
        }

        // A store erases an event with its signal, and a match event with either signal, and then writes the logbook
        // lines of the removal without a BSN. So an event may name a missing signal only when a SignalRemoved event
        // names it; any other is a row left behind by damage. Its own columns are checked when it is read.
        using var orphans = new NpgsqlCommand(
            $"""
            SELECT e.sequence, e.signal_id FROM {schema}.events e
            WHERE NOT EXISTS (SELECT 1 FROM {schema}.signals s WHERE s.id = e.signal_id)
              AND NOT EXISTS (SELECT 1 FROM {schema}.events r WHERE r.signal_id = e.signal_id AND r.type = 'SignalRemoved')
            UNION ALL
            SELECT e.sequence, e.other_signal_id FROM {schema}.events e
            WHERE e.other_signal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {schema}.signals s WHERE s.id = e.other_signal_id)
              AND NOT EXISTS (SELECT 1 FROM {schema}.events r WHERE r.signal_id = e.other_signal_id AND r.type = 'SignalRemoved')
            ORDER BY 1
            """,
            connection);
        using var orphan = orphans.ExecuteReader();
        while (orphan.Read())
        {
            validator.RefuseOrphanEvent(Convert.ToInt64(orphan.GetValue(0), CultureInfo.InvariantCulture), orphan.GetInt64(1));
        }
    }
}
