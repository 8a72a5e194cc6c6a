using Microsoft.Data.Sqlite;

namespace CareCoordination.Sdk.Benchmarks.Baselines;

/// <summary>The two statement helpers both SQLite baselines use: run a statement once, or prepare one with integer parameters.</summary>
internal static class SqliteConnectionCommands
{
    public static void Execute(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static SqliteCommand Prepare(this SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, SqliteType.Integer);
        }

        command.Prepare();
        return command;
    }
}
