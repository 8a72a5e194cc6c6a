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

    private static readonly long MinTicks = Instant.MinValue.ToUnixTimeTicks();
    private static readonly long MaxTicks = Instant.MaxValue.ToUnixTimeTicks();

    /// <summary>
    /// Reads every row the reader returns, each with the hash it was stored with, so that verification notices a changed
    /// row. A row that is not even readable as a record stops the read: the chain cannot skip a record.
    /// </summary>
    /// <param name="reader">The reader, positioned before the first row.</param>
    /// <returns>The records, in the reader's order.</returns>
    /// <exception cref="CorruptStoredDataException">A row is damaged: a column of the wrong kind, an undefined enum value, a sequence number out of order.</exception>
    public static List<AuditRecord> ReadAll(DbDataReader reader)
    {
        Internal.Guard.NotNull(reader);
        var result = new List<AuditRecord>();
        long previous = 0;
        while (reader.Read())
        {
            var record = Read(reader, result.Count + 1);
            if (record.Sequence <= previous)
            {
                throw Damaged(record.Sequence, "its sequence number does not follow the one before");
            }

            previous = record.Sequence;
            result.Add(record);
        }

        return result;
    }

    private static AuditRecord Read(DbDataReader reader, int row)
    {
        if (!StoredColumns.TryInteger(reader, 0, out var sequence) || sequence <= 0)
        {
            throw Damaged(row, "its sequence number is not a positive integer");
        }

        var organisation = reader.IsDBNull(4) ? (long?)null : Integer(reader, 4, sequence);
        var basis = reader.IsDBNull(10) ? (long?)null : Integer(reader, 10, sequence);
        var ticks = Integer(reader, 1, sequence);
        var role = Integer(reader, 3, sequence);
        var action = Integer(reader, 7, sequence);
        var data = Integer(reader, 8, sequence);
        var flagged = Integer(reader, 12, sequence);
        var subject = reader.IsDBNull(6) ? null : Text(reader, 6, sequence);
        var problem = ticks < MinTicks || ticks > MaxTicks ? "its time is not an instant"
            : !Enum.IsDefined(typeof(ActorRole), (int)Math.Clamp(role, int.MinValue, int.MaxValue)) ? "its role is not a defined actor role"
            : organisation is < 1 or > int.MaxValue ? "its organisation is not a positive identifier"
            : !Enum.IsDefined(typeof(AuditAction), (int)Math.Clamp(action, int.MinValue, int.MaxValue)) ? "its action is not a defined audit action"
            : !Enum.IsDefined(typeof(DataCategory), (int)Math.Clamp(data, int.MinValue, int.MaxValue)) ? "its data category is not defined"
            : basis is { } b && !Enum.IsDefined(typeof(AccessBasis), (int)Math.Clamp(b, int.MinValue, int.MaxValue)) ? "its access basis is not defined"
            : flagged is not (0 or 1) ? "its review flag is neither 0 nor 1"
            : subject is not null && !IsPseudonym(subject) ? "its subject is not a pseudonym"
            : null;
        if (problem is not null)
        {
            throw Damaged(sequence, problem);
        }

        return new AuditRecord(
            sequence,
            Instant.FromUnixTimeTicks(ticks),
            Text(reader, 2, sequence),
            (ActorRole)role,
            organisation is { } o ? new OrganisationId((int)o) : null,
            Text(reader, 5, sequence),
            subject is null ? default : PersonPseudonym.Parse(subject),
            (AuditAction)action,
            (DataCategory)data,
            Text(reader, 9, sequence),
            basis is { } access ? (AccessBasis)access : null,
            reader.IsDBNull(11) ? null : Text(reader, 11, sequence),
            flagged == 1,
            Text(reader, 13, sequence),
            Text(reader, 14, sequence));
    }

    private static bool IsPseudonym(string value)
    {
        try
        {
            PersonPseudonym.Parse(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static long Integer(DbDataReader reader, int ordinal, long sequence) =>
        StoredColumns.TryInteger(reader, ordinal, out var value) ? value : throw Damaged(sequence, $"its column {reader.GetName(ordinal)} is not an integer");

    private static string Text(DbDataReader reader, int ordinal, long sequence) =>
        StoredColumns.TryText(reader, ordinal, out var value) ? value : throw Damaged(sequence, $"its column {reader.GetName(ordinal)} is not text");

    private static CorruptStoredDataException Damaged(long sequence, string problem) =>
        new(new QuarantinedRow(StoredRowValidator.AuditRecordsTable, sequence.ToString(CultureInfo.InvariantCulture), problem), null);
}
