using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Sqlite;

/// <summary>
/// Writes one <see cref="ChangeSet"/> into the SQLite file inside the store's transaction: signals with their events
/// and remembered answers, families, the aggregates' streams at their expected versions, and audit records.
/// </summary>
/// <remarks>
/// Not thread-safe: the store calls it under its lock, on its one connection. A new signal's row is inserted, never
/// upserted: a row already stored under its identifier, which only another writer can have put there, fails the whole
/// commit instead of being overwritten.
/// </remarks>
internal sealed class SqliteChangeWriter : IDisposable
{
    // A signal holds no intake route (that belongs to the coordination case); the route column stays so that files
    // written before remain readable, and new rows hold 0 there.
    private const string SignalColumns = "INSERT INTO signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, age_limit_day, schema_version) "
        + "VALUES ($id, $youth, $organisation, $reporter, $ticks, 0, $day, $expiry, $state, $offered, $ageLimit, $schema)";

    private static readonly string[] SignalParameters = ["$id", "$youth", "$organisation", "$reporter", "$ticks", "$day", "$expiry", "$state", "$offered", "$ageLimit"];

    private readonly SqliteConnection _connection;
    private readonly string _fullPath;
    private readonly SqliteCommand _insertSignal;
    private readonly SqliteCommand _upsertSignal;
    private readonly SqliteCommand _insertEvent;

    public SqliteChangeWriter(SqliteConnection connection, string fullPath)
    {
        _connection = connection;
        _fullPath = fullPath;
        _insertSignal = Prepared(SignalColumns, SignalParameters);
        _insertSignal.Parameters.AddWithValue("$schema", SqliteSchema.Version);
        _upsertSignal = Prepared(
            SignalColumns
            + """
               ON CONFLICT (id) DO UPDATE SET reporter = excluded.reporter, registered_ticks = excluded.registered_ticks,
                day = excluded.day, expiry = excluded.expiry, state = excluded.state, offered = excluded.offered, age_limit_day = excluded.age_limit_day,
                schema_version = excluded.schema_version
              """,
            SignalParameters);
        _upsertSignal.Parameters.AddWithValue("$schema", SqliteSchema.Version);
        _insertEvent = Prepared(
            "INSERT INTO events (signal_id, other_signal_id, type, schema_version, occurred_ticks, payload) VALUES ($signal, $other, $type, $schema, $ticks, $payload)",
            ["$signal", "$other", "$type", "$schema", "$ticks", "$payload"]);
    }

    /// <summary>Writes a change set inside the caller's transaction.</summary>
    /// <returns>Whether it erased or replaced anything, so that the caller truncates the write-ahead log after committing.</returns>
    public bool Write(ChangeSet changes, SqliteTransaction transaction)
    {
        var erased = false;
        foreach (var commit in changes.SignalCommits)
        {
            WriteSignals(commit, transaction);
            erased |= commit.Erasures.Count > 0 || commit.ForgetIdempotencyKeys.Count > 0;
        }

        foreach (var family in changes.Families)
        {
            DeleteFamily(family.Id, transaction);
            if (family.Family is { } members)
            {
                InsertFamily(members, transaction);
            }

            erased = true;
        }

        foreach (var change in changes.Streams)
        {
            if (change.ErasesStream)
            {
                using (var delete = StreamCommand("DELETE FROM stream_events WHERE kind = $kind AND stream = $stream", change.Kind, change.Stream, transaction))
                {
                    delete.ExecuteNonQuery();
                }

                InsertStreamEvents(change.Kind, change.Stream, 0, change.Events, transaction);
                erased = true;
                continue;
            }

            using (var read = StreamCommand("SELECT COUNT(*) FROM stream_events WHERE kind = $kind AND stream = $stream", change.Kind, change.Stream, transaction))
            {
                StoredStreamRows.RequireVersion(change.Kind, change.Stream, change.ExpectedVersion!.Value, read.ExecuteScalar());
            }

            InsertStreamEvents(change.Kind, change.Stream, change.ExpectedVersion.Value, change.Events, transaction);
        }

        foreach (var record in changes.AuditRecords)
        {
            InsertAudit(record, transaction);
        }

        return erased;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _insertSignal.Dispose();
        _upsertSignal.Dispose();
        _insertEvent.Dispose();
    }

    private void WriteSignals(SignalCommit commit, SqliteTransaction transaction)
    {
        foreach (var erased in commit.Erasures)
        {
            // A remembered answer is linked to its own signal only: it goes with that signal, whose youth's number it
            // holds. An answer that matched the erased signal stays, so that a retry neither registers nor renews
            // again; the load leaves the erased signal out of its matches.
            Execute("DELETE FROM idempotency_keys WHERE key IN (SELECT key FROM idempotency_signals WHERE signal_id = $value)", transaction, erased.Value);
            Execute("DELETE FROM idempotency_signals WHERE signal_id = $value", transaction, erased.Value);
            // Only the signal's own events go: another party's match event that names it is that party's record, and
            // stays until that party's own signal goes (the load accepts it, since the erased signal left a SignalRemoved),
            // without the erased party's organisation and reporter, as StoredEvent.WithoutErasedParty keeps it.
            Execute("DELETE FROM events WHERE signal_id = $value", transaction, erased.Value);
            Execute(
                "UPDATE events SET payload = json_set(payload, '$.OtherOrganisation', NULL, '$.OtherReporter', NULL) WHERE other_signal_id = $value AND type = 'MatchFound'",
                transaction,
                erased.Value);
            Execute("DELETE FROM signals WHERE id = $value", transaction, erased.Value);

            // The rows left may no longer show how far the index counted: identifiers come from the store, never reused.
            Execute(
                $"INSERT INTO store_settings (name, value) VALUES ('{StoredSignalIdHighWater.SettingName}', CAST($value AS TEXT)) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE CAST(store_settings.value AS INTEGER) < CAST(excluded.value AS INTEGER)",
                transaction,
                erased.Value);
        }

        // The two statements every registration runs are prepared once per store and reused, row after row: a
        // batch of registrations then costs one statement execution per row, not one statement compilation.
        var registered = RegisteredSignals(commit);
        foreach (var row in commit.Upserts)
        {
            // The first row of a signal this commit registers is new; later rows of it, and older signals, update.
            var isNew = registered.Remove(row.Id.Value);
            var upsert = isNew ? _insertSignal : _upsertSignal;
            upsert.Transaction = transaction;
            var p = upsert.Parameters;
            p[0].Value = row.Id.Value;
            p[1].Value = row.Youth.Value;
            p[2].Value = row.Organisation.Value;
            p[3].Value = row.Reporter.Value;
            p[4].Value = row.RegisteredTicks;
            p[5].Value = row.DayNumber;
            p[6].Value = (int)row.Expiry;
            p[7].Value = (int)row.State;
            p[8].Value = row.OfferedAsMatch ? 1 : 0;
            p[9].Value = row.AgeLimitDayNumber is { } ageLimit ? ageLimit : DBNull.Value;
            try
            {
                upsert.ExecuteNonQuery();
            }
            catch (SqliteException e) when (isNew && e.SqliteErrorCode == 19)
            {
                throw new StoreInUseException("SQLite file", _fullPath, e);
            }
        }

        var insertEvent = _insertEvent;
        insertEvent.Transaction = transaction;
        foreach (var stored in commit.Events)
        {
            var p = insertEvent.Parameters;
            p[0].Value = stored.Signal.Value;
            p[1].Value = stored.OtherSignal is { } other ? other.Value : DBNull.Value;
            p[2].Value = stored.Type;
            p[3].Value = stored.SchemaVersion;
            p[4].Value = stored.OccurredAt.ToUnixTimeTicks();
            p[5].Value = stored.Json;
            insertEvent.ExecuteNonQuery();
        }

        if (commit.ForgetIdempotencyKeysUpTo is { } cutoff)
        {
            Execute("DELETE FROM idempotency_signals WHERE key IN (SELECT key FROM idempotency_keys WHERE at_ticks <= $value)", transaction, cutoff.ToUnixTimeTicks());
            Execute("DELETE FROM idempotency_keys WHERE at_ticks <= $value", transaction, cutoff.ToUnixTimeTicks());
        }

        foreach (var key in commit.ForgetIdempotencyKeys)
        {
            Execute("DELETE FROM idempotency_signals WHERE key = $value", transaction, key);
            Execute("DELETE FROM idempotency_keys WHERE key = $value", transaction, key);
        }

        foreach (var key in commit.IdempotencyKeys)
        {
            Execute("DELETE FROM idempotency_signals WHERE key = $value", transaction, key.Key);

            using (var insert = Command(
                "INSERT INTO idempotency_keys (key, at_ticks, schema_version, answer) VALUES ($key, $at, $schema, $answer) "
                + "ON CONFLICT (key) DO UPDATE SET at_ticks = excluded.at_ticks, schema_version = excluded.schema_version, answer = excluded.answer",
                transaction))
            {
                insert.Parameters.AddWithValue("$key", key.Key);
                insert.Parameters.AddWithValue("$at", key.At.ToUnixTimeTicks());
                insert.Parameters.AddWithValue("$schema", key.SchemaVersion);
                insert.Parameters.AddWithValue("$answer", key.Json);
                insert.ExecuteNonQuery();
            }

            foreach (var signal in key.Signals.Distinct())
            {
                using var link = Command("INSERT INTO idempotency_signals (key, signal_id) VALUES ($key, $signal)", transaction);
                link.Parameters.AddWithValue("$key", key.Key);
                link.Parameters.AddWithValue("$signal", signal.Value);
                link.ExecuteNonQuery();
            }
        }
    }

    private static HashSet<long> RegisteredSignals(SignalCommit commit)
    {
        var registered = new HashSet<long>();
        foreach (var e in commit.Events)
        {
            if (e.Type == "SignalRegistered")
            {
                registered.Add(e.Signal.Value);
            }
        }

        return registered;
    }

    private void InsertAudit(AuditRecord record, SqliteTransaction transaction)
    {
        using var command = Command(
            "INSERT INTO audit_records (sequence, at_ticks, user_id, role, organisation, system, subject, action, data, detail, basis, basis_reference, flagged, previous_hash, hash) "
            + "VALUES ($sequence, $at, $user, $role, $organisation, $system, $subject, $action, $data, $detail, $basis, $reference, $flagged, $previous, $hash)",
            transaction);
        command.Parameters.AddWithValue("$sequence", record.Sequence);
        command.Parameters.AddWithValue("$at", record.At.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$user", record.UserId);
        command.Parameters.AddWithValue("$role", (int)record.Role);
        command.Parameters.AddWithValue("$organisation", record.Organisation is { } organisation ? organisation.Value : DBNull.Value);
        command.Parameters.AddWithValue("$system", record.System);
        command.Parameters.AddWithValue("$subject", record.Subject.IsDefault ? DBNull.Value : record.Subject.Value);
        command.Parameters.AddWithValue("$action", (int)record.Action);
        command.Parameters.AddWithValue("$data", (int)record.Data);
        command.Parameters.AddWithValue("$detail", record.Detail);
        command.Parameters.AddWithValue("$basis", record.Basis is { } basis ? (int)basis : DBNull.Value);
        command.Parameters.AddWithValue("$reference", (object?)record.BasisReference ?? DBNull.Value);
        command.Parameters.AddWithValue("$flagged", record.FlaggedForReview ? 1 : 0);
        command.Parameters.AddWithValue("$previous", record.PreviousHash);
        command.Parameters.AddWithValue("$hash", record.Hash);
        command.ExecuteNonQuery();
    }

    private void InsertFamily(StoredFamily family, SqliteTransaction transaction)
    {
        foreach (var (position, role, member) in StoredFamilyRows.RowsOf(family))
        {
            using var command = Command("INSERT INTO family_members (family_id, position, role, member) VALUES ($family, $position, $role, $member)", transaction);
            command.Parameters.AddWithValue("$family", family.Id.Value);
            command.Parameters.AddWithValue("$position", position);
            command.Parameters.AddWithValue("$role", role);
            command.Parameters.AddWithValue("$member", member);
            command.ExecuteNonQuery();
        }

        if (family.Address is { } address)
        {
            using var command = Command("INSERT INTO family_addresses (family_id, address, municipality) VALUES ($family, $address, $municipality)", transaction);
            command.Parameters.AddWithValue("$family", family.Id.Value);
            command.Parameters.AddWithValue("$address", address.Value);
            command.Parameters.AddWithValue("$municipality", family.Municipality is { } municipality ? municipality.Value : DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    private void InsertStreamEvents(string kind, string stream, int after, IReadOnlyList<StreamEvent> events, SqliteTransaction transaction)
    {
        for (var i = 0; i < events.Count; i++)
        {
            using var insert = Command(
                "INSERT INTO stream_events (kind, stream, version, type, schema_version, at_ticks, payload) VALUES ($kind, $stream, $version, $type, $schema, $at, $payload)",
                transaction);
            insert.Parameters.AddWithValue("$kind", kind);
            insert.Parameters.AddWithValue("$stream", stream);
            insert.Parameters.AddWithValue("$version", after + i + 1);
            insert.Parameters.AddWithValue("$type", events[i].Type);
            insert.Parameters.AddWithValue("$schema", events[i].SchemaVersion);
            insert.Parameters.AddWithValue("$at", events[i].At.ToUnixTimeTicks());
            insert.Parameters.AddWithValue("$payload", events[i].Json);
            insert.ExecuteNonQuery();
        }
    }

    private void DeleteFamily(FamilyId family, SqliteTransaction transaction)
    {
        Execute("DELETE FROM family_members WHERE family_id = $value", transaction, family.Value);
        Execute("DELETE FROM family_addresses WHERE family_id = $value", transaction, family.Value);
    }

    /// <summary>Runs a statement of one parameter, named <c>$value</c>, inside a transaction.</summary>
    private void Execute(string sql, SqliteTransaction transaction, object value)
    {
        using var command = Command(sql, transaction);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private SqliteCommand StreamCommand(string sql, string kind, string stream, SqliteTransaction transaction)
    {
        var command = Command(sql, transaction);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$stream", stream);
        return command;
    }

    private SqliteCommand Prepared(string sql, string[] parameters)
    {
        var command = Command(sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
