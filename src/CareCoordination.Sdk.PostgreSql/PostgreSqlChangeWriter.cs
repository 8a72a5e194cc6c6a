using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Storage.Relational;
using Npgsql;
using NpgsqlTypes;

namespace CareCoordination.Sdk.PostgreSql;

/// <summary>
/// Writes one <see cref="ChangeSet"/> into the store's schema inside the store's transaction: signals with their
/// events and remembered answers, families and audit records as one batch, then the aggregates' streams at their
/// expected versions.
/// </summary>
/// <remarks>
/// Not thread-safe: the store calls it under its lock, on the connection that holds the writer lock. A new signal's
/// row is inserted, never upserted: a second writer that counted the same identifier fails the whole commit with a
/// unique violation instead of overwriting the first writer's registration.
/// </remarks>
internal sealed class PostgreSqlChangeWriter(string schema)
{
    private readonly string _schema = schema;

    /// <summary>Writes a change set inside the caller's transaction.</summary>
    public void Write(ChangeSet changes, NpgsqlTransaction transaction)
    {
        var connection = transaction.Connection!;
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var commit in changes.SignalCommits)
            {
                AddSignalCommands(batch, commit);
            }

            foreach (var family in changes.Families)
            {
                batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.family_members WHERE family_id = $1", family.Id.Value));
                foreach (var (position, role, member) in family.Family is { } members ? StoredFamilyRows.RowsOf(members) : [])
                {
                    batch.BatchCommands.Add(Statement($"INSERT INTO {_schema}.family_members (family_id, position, role, member) VALUES ($1, $2, $3, $4)", family.Id.Value, position, (short)role, member));
                }
            }

            foreach (var record in changes.AuditRecords)
            {
                batch.BatchCommands.Add(AuditCommand(record));
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.ExecuteNonQuery();
            }
        }

        foreach (var change in changes.Streams)
        {
            WriteStream(connection, change, transaction);
        }
    }

    private void AddSignalCommands(NpgsqlBatch batch, SignalCommit commit)
    {
        foreach (var erased in commit.Erasures)
        {
            // A remembered answer names the signal and its youth: it goes with the signal.
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_keys WHERE key IN (SELECT key FROM {_schema}.idempotency_signals WHERE signal_id = $1)", erased.Value));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_signals WHERE key IN (SELECT key FROM {_schema}.idempotency_signals WHERE signal_id = $1)", erased.Value));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.events WHERE signal_id = $1 OR other_signal_id = $1", erased.Value));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.signals WHERE id = $1", erased.Value));
        }

        // A signal holds no intake route (that belongs to the coordination case); the route column stays so that schemas
        // written before remain readable, and new rows hold 0 there.
        var registered = RegisteredSignals(commit);
        foreach (var s in commit.Upserts)
        {
            // The first row of a signal registered in this commit is new: a plain INSERT, which a row already stored
            // under its identifier refuses. Later rows of it in the same commit, and rows of older signals, update.
            var conflict = registered.Remove(s.Id.Value)
                ? string.Empty
                : """
                  ON CONFLICT (id) DO UPDATE SET reporter = excluded.reporter, registered_ticks = excluded.registered_ticks,
                    day = excluded.day, expiry = excluded.expiry, state = excluded.state, offered = excluded.offered, schema_version = excluded.schema_version
                  """;
            batch.BatchCommands.Add(Statement(
                $"""
                INSERT INTO {_schema}.signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, schema_version)
                VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9, $10)
                {conflict}
                """,
                s.Id.Value,
                s.Youth.Value,
                s.Organisation.Value,
                s.Reporter.Value,
                s.RegisteredTicks,
                s.DayNumber,
                (short)s.Expiry,
                (short)s.State,
                s.OfferedAsMatch,
                PostgreSqlSchema.Version));
        }

        foreach (var e in commit.Events)
        {
            batch.BatchCommands.Add(Statement(
                $"INSERT INTO {_schema}.events (signal_id, other_signal_id, type, schema_version, occurred_ticks, payload) VALUES ($1, $2, $3, $4, $5, $6::jsonb)",
                e.Signal.Value,
                e.OtherSignal is { } other ? other.Value : DBNull.Value,
                e.Type,
                e.SchemaVersion,
                e.OccurredAt.ToUnixTimeTicks(),
                e.Json));
        }

        if (commit.ForgetIdempotencyKeysUpTo is { } cutoff)
        {
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_signals WHERE key IN (SELECT key FROM {_schema}.idempotency_keys WHERE at_ticks <= $1)", cutoff.ToUnixTimeTicks()));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_keys WHERE at_ticks <= $1", cutoff.ToUnixTimeTicks()));
        }

        foreach (var key in commit.IdempotencyKeys)
        {
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_signals WHERE key = $1", key.Key));
            batch.BatchCommands.Add(Statement(
                $"INSERT INTO {_schema}.idempotency_keys (key, at_ticks, schema_version, answer) VALUES ($1, $2, $3, $4::jsonb) "
                + "ON CONFLICT (key) DO UPDATE SET at_ticks = excluded.at_ticks, schema_version = excluded.schema_version, answer = excluded.answer",
                key.Key,
                key.At.ToUnixTimeTicks(),
                key.SchemaVersion,
                key.Json));
            foreach (var signal in key.Signals.Distinct())
            {
                batch.BatchCommands.Add(Statement($"INSERT INTO {_schema}.idempotency_signals (key, signal_id) VALUES ($1, $2)", key.Key, signal.Value));
            }
        }
    }

    /// <summary>The signals a commit registers: those with a <c>SignalRegistered</c> event.</summary>
    internal static HashSet<long> RegisteredSignals(SignalCommit commit)
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

    private void WriteStream(NpgsqlConnection connection, StreamChange change, NpgsqlTransaction transaction)
    {
        if (change.ErasesStream)
        {
            using (var delete = StreamCommand(connection, $"DELETE FROM {_schema}.stream_events WHERE kind = $1 AND stream = $2", change.Kind, change.Stream, transaction))
            {
                delete.ExecuteNonQuery();
            }

            InsertStreamEvents(connection, change.Kind, change.Stream, 0, change.Events, transaction);
            return;
        }

        var expected = change.ExpectedVersion!.Value;
        using (var read = StreamCommand(connection, $"SELECT COUNT(*) FROM {_schema}.stream_events WHERE kind = $1 AND stream = $2", change.Kind, change.Stream, transaction))
        {
            StoredStreamRows.RequireVersion(change.Kind, change.Stream, expected, read.ExecuteScalar());
        }

        try
        {
            InsertStreamEvents(connection, change.Kind, change.Stream, expected, change.Events, transaction);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another session appended between the count and the insert; the primary key refused the second writer.
            throw new StreamVersionConflictException($"The {change.Kind} {change.Stream} was changed by another writer while this change was written; nothing was written. Reload it and try again.", e);
        }
    }

    private NpgsqlBatchCommand AuditCommand(AuditRecord record)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {_schema}.audit_records (sequence, at_ticks, user_id, role, organisation, system, subject, action, data, detail, basis, basis_reference, flagged, previous_hash, hash) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = record.Sequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = record.At.ToUnixTimeTicks() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.UserId });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Organisation is { } organisation ? organisation.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.System });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Subject.IsDefault ? DBNull.Value : record.Subject.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Action });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Data });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Detail });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Basis is { } basis ? (short)basis : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Smallint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.BasisReference ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = record.FlaggedForReview });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.PreviousHash });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Hash });
        return command;
    }

    private static NpgsqlCommand StreamCommand(NpgsqlConnection connection, string sql, string kind, string stream, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        return command;
    }

    private void InsertStreamEvents(NpgsqlConnection connection, string kind, string stream, int after, IReadOnlyList<StreamEvent> events, NpgsqlTransaction transaction)
    {
        if (events.Count == 0)
        {
            return;
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < events.Count; i++)
        {
            batch.BatchCommands.Add(Statement(
                $"INSERT INTO {_schema}.stream_events (kind, stream, version, type, schema_version, at_ticks, payload) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
                kind,
                stream,
                after + i + 1,
                events[i].Type,
                events[i].SchemaVersion,
                events[i].At.ToUnixTimeTicks(),
                events[i].Json));
        }

        batch.ExecuteNonQuery();
    }

    /// <summary>Makes a batch statement with positional parameters <c>$1</c>, <c>$2</c>, … in the order of <paramref name="values"/>.</summary>
    public static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
