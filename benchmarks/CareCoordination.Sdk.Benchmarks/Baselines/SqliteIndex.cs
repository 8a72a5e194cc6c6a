using System;
using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Benchmarks.Baselines;

/// <summary>The index as an in-memory SQLite table with an index on (youth, organisation), using prepared statements.</summary>
internal sealed class SqliteIndex : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _matches;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _lookup;

    public SqliteIndex()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        _connection.Execute("CREATE TABLE signals (id INTEGER PRIMARY KEY, youth INTEGER NOT NULL, organisation INTEGER NOT NULL, reporter INTEGER NOT NULL, registered INTEGER NOT NULL, expires INTEGER NOT NULL)");
        _connection.Execute("CREATE UNIQUE INDEX signals_youth ON signals (youth, organisation)");
        _matches = _connection.Prepare("SELECT organisation, reporter FROM signals WHERE youth = $youth AND organisation <> $organisation", "$youth", "$organisation");
        _insert = _connection.Prepare("INSERT INTO signals (youth, organisation, reporter, registered, expires) VALUES ($youth, $organisation, $reporter, $registered, $expires) ON CONFLICT (youth, organisation) DO UPDATE SET registered = excluded.registered", "$youth", "$organisation", "$reporter", "$registered", "$expires");
        _lookup = _connection.Prepare("SELECT id, organisation, reporter, registered, expires FROM signals WHERE youth = $youth", "$youth");
    }

    public void BeginBulk() => _connection.Execute("BEGIN");

    public void EndBulk() => _connection.Execute("COMMIT");

    public int Register(int youth, int organisation, int reporter, long registered, int expires)
    {
        _matches.Parameters[0].Value = youth;
        _matches.Parameters[1].Value = organisation;
        var matches = 0;
        using (var reader = _matches.ExecuteReader())
        {
            while (reader.Read())
            {
                matches++;
            }
        }

        _insert.Parameters[0].Value = youth;
        _insert.Parameters[1].Value = organisation;
        _insert.Parameters[2].Value = reporter;
        _insert.Parameters[3].Value = registered;
        _insert.Parameters[4].Value = expires;
        _insert.ExecuteNonQuery();
        return matches;
    }

    public int Lookup(int youth)
    {
        _lookup.Parameters[0].Value = youth;
        var count = 0;
        using var reader = _lookup.ExecuteReader();
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    public void RemoveOrganisation(int organisation)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM signals WHERE organisation = $organisation";
        command.Parameters.AddWithValue("$organisation", organisation);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _matches.Dispose();
        _insert.Dispose();
        _lookup.Dispose();
        _connection.Dispose();
    }
}
