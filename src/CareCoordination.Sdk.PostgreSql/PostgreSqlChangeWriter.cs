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
            // A group commit merges dozens of operations into one change set. Their signal rows and events go to the
            // server as one array-valued statement per table instead of one statement per row: the server parses and
            // plans a statement once, which is most of its cost for rows this small.
            var rows = new SignalRows();
            foreach (var commit in changes.SignalCommits)
            {
                AddSignalCommands(batch, commit, rows);
            }

            rows.Flush(batch, _schema);
            foreach (var family in changes.Families)
            {
                batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.family_members WHERE family_id = $1", family.Id.Value));
                batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.family_addresses WHERE family_id = $1", family.Id.Value));
                foreach (var (position, role, member) in family.Family is { } members ? StoredFamilyRows.RowsOf(members) : [])
                {
                    batch.BatchCommands.Add(Statement($"INSERT INTO {_schema}.family_members (family_id, position, role, member) VALUES ($1, $2, $3, $4)", family.Id.Value, position, (short)role, member));
                }

                if (family.Family?.Address is { } address)
                {
                    batch.BatchCommands.Add(Statement(
                        $"INSERT INTO {_schema}.family_addresses (family_id, address, municipality) VALUES ($1, $2, $3)",
                        family.Id.Value,
                        address.Value,
                        family.Family.Municipality is { } municipality ? (short)municipality.Value : DBNull.Value));
                }
            }

            if (changes.AuditRecords.Count > 0)
            {
                batch.BatchCommands.Add(AuditCommand(changes.AuditRecords));
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.ExecuteNonQuery();
            }
        }

        WriteStreams(connection, changes.Streams, transaction);
    }

    private void AddSignalCommands(NpgsqlBatch batch, SignalCommit commit, SignalRows rows)
    {
        if (commit.Erasures.Count > 0)
        {
            // An erasure removes what earlier operations of the group wrote about the signal: those rows go first.
            rows.Flush(batch, _schema);
        }

        foreach (var erased in commit.Erasures)
        {
            // A remembered answer is linked to its own signal only and goes with it; one that matched the erased signal stays.
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_keys WHERE key IN (SELECT key FROM {_schema}.idempotency_signals WHERE signal_id = $1)", erased.Value));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_signals WHERE signal_id = $1", erased.Value));
            // Only the signal's own events go: another party's match event that names it is that party's record, kept
            // without the erased party's organisation and reporter, as StoredEvent.WithoutErasedParty keeps it.
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.events WHERE signal_id = $1", erased.Value));
            batch.BatchCommands.Add(Statement(
                $"UPDATE {_schema}.events SET payload = payload || '{{\"OtherOrganisation\": null, \"OtherReporter\": null}}'::jsonb WHERE other_signal_id = $1 AND type = 'MatchFound'",
                erased.Value));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.signals WHERE id = $1", erased.Value));

            // The rows left may no longer show how far the index counted: identifiers come from the store, never reused.
            batch.BatchCommands.Add(Statement(
                $"INSERT INTO {_schema}.store_settings (name, value) VALUES ('{StoredSignalIdHighWater.SettingName}', $1::text) "
                + $"ON CONFLICT (name) DO UPDATE SET value = excluded.value WHERE {_schema}.store_settings.value::bigint < excluded.value::bigint",
                erased.Value));
        }

        // A signal holds no intake route (that belongs to the coordination case); the route column stays so that schemas
        // written before remain readable, and new rows hold 0 there.
        var registered = RegisteredSignals(commit);
        foreach (var s in commit.Upserts)
        {
            // The first row of a signal registered in this commit is new: a plain INSERT, which a row already stored
            // under its identifier refuses. Later rows of it in the same commit, and rows of older signals, update.
            rows.Add(s, isNew: registered.Remove(s.Id.Value));
        }

        foreach (var e in commit.Events)
        {
            rows.Add(e);
        }

        if (commit.ForgetIdempotencyKeysUpTo is { } cutoff)
        {
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_signals WHERE key IN (SELECT key FROM {_schema}.idempotency_keys WHERE at_ticks <= $1)", cutoff.ToUnixTimeTicks()));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_keys WHERE at_ticks <= $1", cutoff.ToUnixTimeTicks()));
        }

        foreach (var key in commit.ForgetIdempotencyKeys)
        {
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_signals WHERE key = $1", key));
            batch.BatchCommands.Add(Statement($"DELETE FROM {_schema}.idempotency_keys WHERE key = $1", key));
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

    private void WriteStreams(NpgsqlConnection connection, IReadOnlyList<StreamChange> changes, NpgsqlTransaction transaction)
    {
        var appends = new List<StreamChange>();
        foreach (var change in changes)
        {
            if (!change.ErasesStream)
            {
                appends.Add(change);
                continue;
            }

            // Appends queued before a replaced stream may be to that stream: they are written first, in order.
            AppendStreams(connection, appends, transaction);
            appends.Clear();
            using (var delete = StreamCommand(connection, $"DELETE FROM {_schema}.stream_events WHERE kind = $1 AND stream = $2", change.Kind, change.Stream, transaction))
            {
                delete.ExecuteNonQuery();
            }

            InsertStreamEvents(connection, [(change, 0)], transaction);
        }

        AppendStreams(connection, appends, transaction);
    }

    /// <summary>
    /// Appends to streams at their expected versions with two round trips whatever their number: one reads every
    /// stream's version, one inserts every event. A stream a group appends to twice expects, the second time, the
    /// version the first append leaves.
    /// </summary>
    private void AppendStreams(NpgsqlConnection connection, List<StreamChange> appends, NpgsqlTransaction transaction)
    {
        if (appends.Count == 0)
        {
            return;
        }

        var versions = new Dictionary<(string Kind, string Stream), int>();
        foreach (var change in appends)
        {
            versions.TryAdd((change.Kind, change.Stream), -1);
        }

        using (var read = new NpgsqlCommand(
            $"SELECT k.kind, k.stream, (SELECT COUNT(*) FROM {_schema}.stream_events e WHERE e.kind = k.kind AND e.stream = k.stream) FROM unnest($1::text[], $2::text[]) AS k(kind, stream)",
            connection,
            transaction))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = versions.Keys.Select(k => k.Kind).ToArray() });
            read.Parameters.Add(new NpgsqlParameter { Value = versions.Keys.Select(k => k.Stream).ToArray() });
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                versions[(reader.GetString(0), reader.GetString(1))] = checked((int)reader.GetInt64(2));
            }
        }

        var positioned = new List<(StreamChange Change, int After)>(appends.Count);
        foreach (var change in appends)
        {
            var key = (change.Kind, change.Stream);
            var expected = change.ExpectedVersion!.Value;
            StoredStreamRows.RequireVersion(change.Kind, change.Stream, expected, versions[key]);
            positioned.Add((change, expected));
            versions[key] = expected + change.Events.Count;
        }

        try
        {
            InsertStreamEvents(connection, positioned, transaction);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another session appended between the read and the insert; the primary key refused the second writer.
            throw new StreamVersionConflictException("A stream was changed by another writer while this change was written; nothing was written. Reload it and try again.", e);
        }
    }

    private NpgsqlBatchCommand AuditCommand(IReadOnlyList<AuditRecord> records)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO {_schema}.audit_records (sequence, at_ticks, user_id, role, organisation, system, subject, action, data, detail, basis, basis_reference, flagged, previous_hash, hash) "
            + "SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::smallint[], $5::integer[], $6::text[], $7::text[], $8::smallint[], $9::smallint[], $10::text[], $11::smallint[], $12::text[], $13::boolean[], $14::text[], $15::text[])");
        command.Parameters.Add(Array(records, r => r.Sequence));
        command.Parameters.Add(Array(records, r => r.At.ToUnixTimeTicks()));
        command.Parameters.Add(Array(records, r => r.UserId));
        command.Parameters.Add(Array(records, r => (short)r.Role));
        command.Parameters.Add(Array(records, r => r.Organisation is { } organisation ? organisation.Value : (int?)null));
        command.Parameters.Add(Array(records, r => r.System));
        command.Parameters.Add(Array(records, r => r.Subject.IsDefault ? null : r.Subject.Value));
        command.Parameters.Add(Array(records, r => (short)r.Action));
        command.Parameters.Add(Array(records, r => (short)r.Data));
        command.Parameters.Add(Array(records, r => r.Detail));
        command.Parameters.Add(Array(records, r => r.Basis is { } basis ? (short)basis : (short?)null));
        command.Parameters.Add(Array(records, r => r.BasisReference));
        command.Parameters.Add(Array(records, r => r.FlaggedForReview));
        command.Parameters.Add(Array(records, r => r.PreviousHash));
        command.Parameters.Add(Array(records, r => r.Hash));
        return command;
    }

    /// <summary>One array parameter of a multi-row statement: the column's values, row by row.</summary>
    internal static NpgsqlParameter Array<TRow, TValue>(IReadOnlyList<TRow> rows, Func<TRow, TValue> column)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column(rows[i]);
        }

        return new NpgsqlParameter { Value = values };
    }

    private static NpgsqlCommand StreamCommand(NpgsqlConnection connection, string sql, string kind, string stream, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        return command;
    }

    private void InsertStreamEvents(NpgsqlConnection connection, List<(StreamChange Change, int After)> changes, NpgsqlTransaction transaction)
    {
        var rows = new List<(string Kind, string Stream, int Version, StreamEvent Event)>();
        foreach (var (change, after) in changes)
        {
            for (var i = 0; i < change.Events.Count; i++)
            {
                rows.Add((change.Kind, change.Stream, after + i + 1, change.Events[i]));
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        using var command = new NpgsqlCommand(
            $"INSERT INTO {_schema}.stream_events (kind, stream, version, type, schema_version, at_ticks, payload) "
            + "SELECT kind, stream, version, type, schema_version, at_ticks, payload::jsonb FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::integer[], $6::bigint[], $7::text[]) "
            + "AS r(kind, stream, version, type, schema_version, at_ticks, payload)",
            connection,
            transaction);
        command.Parameters.Add(Array(rows, r => r.Kind));
        command.Parameters.Add(Array(rows, r => r.Stream));
        command.Parameters.Add(Array(rows, r => r.Version));
        command.Parameters.Add(Array(rows, r => r.Event.Type));
        command.Parameters.Add(Array(rows, r => r.Event.SchemaVersion));
        command.Parameters.Add(Array(rows, r => r.Event.At.ToUnixTimeTicks()));
        command.Parameters.Add(Array(rows, r => r.Event.Json));
        command.ExecuteNonQuery();
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

    /// <summary>
    /// The signal rows and events of consecutive signal commits, written as one statement per table. A signal written
    /// twice keeps its last row, as the statements one after another would; whether it is new is decided by its first.
    /// </summary>
    private sealed class SignalRows
    {
        private readonly Dictionary<long, int> _positions = [];
        private readonly List<(StoredSignal Row, bool IsNew)> _signals = [];
        private readonly List<StoredEvent> _events = [];

        public void Add(StoredSignal row, bool isNew)
        {
            if (_positions.TryGetValue(row.Id.Value, out var position))
            {
                _signals[position] = (row, _signals[position].IsNew);
                return;
            }

            _positions.Add(row.Id.Value, _signals.Count);
            _signals.Add((row, isNew));
        }

        public void Add(StoredEvent e) => _events.Add(e);

        public void Flush(NpgsqlBatch batch, string schema)
        {
            var inserted = _signals.Where(s => s.IsNew).Select(s => s.Row).ToList();
            var updated = _signals.Where(s => !s.IsNew).Select(s => s.Row).ToList();
            if (inserted.Count > 0)
            {
                batch.BatchCommands.Add(SignalCommand(schema, inserted, string.Empty));
            }

            if (updated.Count > 0)
            {
                batch.BatchCommands.Add(SignalCommand(
                    schema,
                    updated,
                    """
                    ON CONFLICT (id) DO UPDATE SET reporter = excluded.reporter, registered_ticks = excluded.registered_ticks,
                      day = excluded.day, expiry = excluded.expiry, state = excluded.state, offered = excluded.offered, age_limit_day = excluded.age_limit_day,
                      schema_version = excluded.schema_version
                    """));
            }

            if (_events.Count > 0)
            {
                // The events keep their order in the sequence column: they are inserted in the order of the arrays.
                var command = new NpgsqlBatchCommand(
                    $"INSERT INTO {schema}.events (signal_id, other_signal_id, type, schema_version, occurred_ticks, payload) "
                    + "SELECT signal_id, other_signal_id, type, schema_version, occurred_ticks, payload::jsonb "
                    + "FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::integer[], $5::bigint[], $6::text[]) WITH ORDINALITY "
                    + "AS e(signal_id, other_signal_id, type, schema_version, occurred_ticks, payload, position) ORDER BY position");
                command.Parameters.Add(Array(_events, e => e.Signal.Value));
                command.Parameters.Add(Array(_events, e => e.OtherSignal is { } other ? other.Value : (long?)null));
                command.Parameters.Add(Array(_events, e => e.Type));
                command.Parameters.Add(Array(_events, e => e.SchemaVersion));
                command.Parameters.Add(Array(_events, e => e.OccurredAt.ToUnixTimeTicks()));
                command.Parameters.Add(Array(_events, e => e.Json));
                batch.BatchCommands.Add(command);
            }

            _positions.Clear();
            _signals.Clear();
            _events.Clear();
        }

        private static NpgsqlBatchCommand SignalCommand(string schema, List<StoredSignal> rows, string conflict)
        {
            var command = new NpgsqlBatchCommand(
                $"""
                INSERT INTO {schema}.signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, age_limit_day, schema_version)
                SELECT id, youth, organisation, reporter, registered_ticks, 0, day, expiry, state, offered, age_limit_day, {PostgreSqlSchema.Version}
                FROM unnest($1::bigint[], $2::integer[], $3::integer[], $4::integer[], $5::bigint[], $6::integer[], $7::smallint[], $8::smallint[], $9::boolean[], $10::integer[])
                  AS s(id, youth, organisation, reporter, registered_ticks, day, expiry, state, offered, age_limit_day)
                {conflict}
                """);
            command.Parameters.Add(Array(rows, s => s.Id.Value));
            command.Parameters.Add(Array(rows, s => s.Youth.Value));
            command.Parameters.Add(Array(rows, s => s.Organisation.Value));
            command.Parameters.Add(Array(rows, s => s.Reporter.Value));
            command.Parameters.Add(Array(rows, s => s.RegisteredTicks));
            command.Parameters.Add(Array(rows, s => s.DayNumber));
            command.Parameters.Add(Array(rows, s => (short)s.Expiry));
            command.Parameters.Add(Array(rows, s => (short)s.State));
            command.Parameters.Add(Array(rows, s => s.OfferedAsMatch));
            command.Parameters.Add(Array(rows, s => s.AgeLimitDayNumber));
            return command;
        }
    }
}
