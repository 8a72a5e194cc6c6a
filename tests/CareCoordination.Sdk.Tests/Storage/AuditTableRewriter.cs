using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>Rewrites a relational store's audit table as an attacker with a plain connection can: every row, in one transaction.</summary>
public static class AuditTableRewriter
{
    /// <summary>Replaces every row of the audit table with the records.</summary>
    /// <param name="connection">An open connection to the store's database.</param>
    /// <param name="table">The audit table's name as SQL must give it.</param>
    /// <param name="records">The records the table holds afterwards.</param>
    public static void Rewrite(DbConnection connection, string table, IReadOnlyList<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(records);
        using var transaction = connection.BeginTransaction();
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table}";
            delete.ExecuteNonQuery();
        }

        foreach (var r in records)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} (sequence, at_ticks, user_id, role, organisation, system, subject, action, data, detail, basis, basis_reference, flagged, previous_hash, hash) "
                + "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14)";
            object?[] values =
            [
                r.Sequence, r.At.ToUnixTimeTicks(), r.UserId, (short)r.Role, r.Organisation?.Value, r.System, r.Subject.IsDefault ? null : r.Subject.Value,
                (short)r.Action, (short)r.Data, r.Detail, r.Basis is { } basis ? (short)basis : null, r.BasisReference, r.FlaggedForReview, r.PreviousHash, r.Hash,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                parameter.Value = values[i] ?? DBNull.Value;
                insert.Parameters.Add(parameter);
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
