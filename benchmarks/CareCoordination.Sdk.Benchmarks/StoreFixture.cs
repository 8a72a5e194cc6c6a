using System;
using System.IO;
using CareCoordination.Sdk.PostgreSql;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>Creates the stores the durable benchmarks use, filled with the benchmark data by bulk SQL rather than one commit per signal.</summary>
internal static class StoreFixture
{
    public static string PostgresConnection =>
        Environment.GetEnvironmentVariable("CARECOORDINATION_BENCH_POSTGRES")
        ?? throw new InvalidOperationException("CARECOORDINATION_BENCH_POSTGRES is not set: run the benchmarks with 'bash scripts/benchmark.sh', which starts a throwaway PostgreSQL server.");

    /// <summary>Creates an empty store location and fills it with the data's signals; returns a function that opens it.</summary>
    public static Func<ISignalStore> Prepare(StoreKind kind, IndexData data)
    {
        switch (kind)
        {
            case StoreKind.InMemory:
                var memory = new InMemorySignalStore();
                var rows = new System.Collections.Generic.List<StoredSignal>(data.Signals);
                for (var i = 0; i < data.Signals; i++)
                {
                    rows.Add(Row(data, i));
                }

                memory.Commit(new SignalCommit(rows, [], []));
                return () => memory;
            case StoreKind.Sqlite:
                var path = Path.Combine(Path.GetTempPath(), "carecoordination-bench-" + Guid.NewGuid().ToString("N") + ".db");
                new SqliteSignalStore(path).Dispose();
                FillSqlite(path, data);
                return () => new SqliteSignalStore(path);
            default:
                var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
                new PostgreSqlSignalStore(PostgresConnection, schema).Dispose();
                FillPostgres(schema, data);
                return () => new PostgreSqlSignalStore(PostgresConnection, schema);
        }
    }

    public static StoredSignal Row(IndexData data, int i)
    {
        var (youth, organisation) = data.SignalAt(i);
        return new StoredSignal(
            new Signals.SignalId(i + 1),
            Identity.YouthKey.FromStored(data.Youths[youth].RevealNumber()),
            new Organisations.OrganisationId(organisation),
            IndexData.ReporterOf(organisation),
            NodaTime.Instant.FromUtc(2026, 11, 23, 9, 0).ToUnixTimeTicks(),
            new DateOnly(2028, 11, 23).DayNumber,
            Signals.SignalExpiry.ActivePeriodEnds,
            StoredSignalState.Active,
            OfferedAsMatch: false);
    }

    private static void FillSqlite(string path, IndexData data)
    {
        using var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, schema_version) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, 0, 1)";
        var parameters = new SqliteParameter[8];
        for (var p = 0; p < parameters.Length; p++)
        {
            parameters[p] = command.Parameters.Add("$" + (p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteType.Integer);
        }

        command.Prepare();
        for (var i = 0; i < data.Signals; i++)
        {
            var row = Row(data, i);
            parameters[0].Value = row.Id.Value;
            parameters[1].Value = row.Youth.Value;
            parameters[2].Value = row.Organisation.Value;
            parameters[3].Value = row.Reporter.Value;
            parameters[4].Value = row.RegisteredTicks;
            parameters[5].Value = row.DayNumber;
            parameters[6].Value = (int)row.Expiry;
            parameters[7].Value = (int)row.State;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void FillPostgres(string schema, IndexData data)
    {
        using var connection = new NpgsqlConnection(PostgresConnection);
        connection.Open();
        using var writer = connection.BeginBinaryImport($"COPY {schema}.signals (id, youth, organisation, reporter, registered_ticks, route, day, expiry, state, offered, schema_version) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < data.Signals; i++)
        {
            var row = Row(data, i);
            writer.StartRow();
            writer.Write(row.Id.Value, NpgsqlDbType.Bigint);
            writer.Write(row.Youth.Value, NpgsqlDbType.Integer);
            writer.Write(row.Organisation.Value, NpgsqlDbType.Integer);
            writer.Write(row.Reporter.Value, NpgsqlDbType.Integer);
            writer.Write(row.RegisteredTicks, NpgsqlDbType.Bigint);
            writer.Write((short)0, NpgsqlDbType.Smallint);
            writer.Write(row.DayNumber, NpgsqlDbType.Integer);
            writer.Write((short)row.Expiry, NpgsqlDbType.Smallint);
            writer.Write((short)row.State, NpgsqlDbType.Smallint);
            writer.Write(false, NpgsqlDbType.Boolean);
            writer.Write(1, NpgsqlDbType.Integer);
        }

        writer.Complete();
    }
}
