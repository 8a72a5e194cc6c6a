using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using NodaTime;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>Reads audit records from the columns every relational store selects, in the order of <see cref="Columns"/>.</summary>
public static class StoredAuditRows
{
    /// <summary>The columns to select, in this order.</summary>
    public const string Columns = "sequence, at_ticks, user_id, role, organisation, system, subject, action, data, detail, basis, basis_reference, flagged, previous_hash, hash";

    /// <summary>Reads every row the reader returns, each with the hash it was stored with, so that verification notices a changed row.</summary>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <returns>The records, in the reader's order.</returns>
    public static List<AuditRecord> ReadAll(DbDataReader reader)
    {
        Internal.Guard.NotNull(reader);
        var result = new List<AuditRecord>();
        while (reader.Read())
        {
            result.Add(new AuditRecord(
                reader.GetInt64(0),
                Instant.FromUnixTimeTicks(reader.GetInt64(1)),
                reader.GetString(2),
                (ActorRole)Number(reader, 3),
                reader.IsDBNull(4) ? null : new OrganisationId(Number(reader, 4)),
                reader.GetString(5),
                reader.IsDBNull(6) ? default : PersonPseudonym.Parse(reader.GetString(6)),
                (AuditAction)Number(reader, 7),
                (DataCategory)Number(reader, 8),
                reader.GetString(9),
                reader.IsDBNull(10) ? null : (AccessBasis)Number(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                Convert.ToBoolean(reader.GetValue(12), CultureInfo.InvariantCulture),
                reader.GetString(13),
                reader.GetString(14)));
        }

        return result;
    }

    // SQLite hands back 64-bit integers and PostgreSQL 16-bit ones for the same small columns.
    private static int Number(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
