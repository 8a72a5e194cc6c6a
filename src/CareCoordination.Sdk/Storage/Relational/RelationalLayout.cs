using System.Collections.Generic;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>
/// The tables of the relational layout the SQLite and PostgreSQL stores share, each with its columns in order as the
/// current schema version creates them. A store whose version row claims this version checks its tables against it
/// when it opens, so that a dropped table or column stops the start with a typed error instead of a failing query.
/// </summary>
public static class RelationalLayout
{
    /// <summary>Gets the tables and their comma-separated columns, in the order the schema creates them.</summary>
    public static IReadOnlyList<(string Table, string Columns)> Tables { get; } =
    [
        ("signals", "id,youth,organisation,reporter,registered_ticks,route,day,expiry,state,offered,schema_version,age_limit_day"),
        ("events", "sequence,signal_id,other_signal_id,type,schema_version,occurred_ticks,payload"),
        ("family_members", "family_id,position,role,member"),
        ("audit_records", "sequence,at_ticks,user_id,role,organisation,system,subject,action,data,detail,basis,basis_reference,flagged,previous_hash,hash"),
        ("audit_genesis", "hash,sequence"),
        ("store_settings", "name,value"),
        ("stream_events", "kind,stream,version,type,schema_version,at_ticks,payload"),
        ("idempotency_keys", "key,at_ticks,schema_version,answer"),
        ("idempotency_signals", "key,signal_id"),
        ("family_addresses", "family_id,address,municipality"),
    ];

    /// <summary>The problem a store reports for a table whose columns are not the layout's.</summary>
    /// <param name="columns">The columns the store found, in order; none when the table is missing.</param>
    /// <param name="expected">The layout's columns.</param>
    /// <returns>What is wrong, or <see langword="null"/> when the columns are the layout's.</returns>
    public static string? ProblemWith(IReadOnlyList<string> columns, string expected) =>
        string.Join(',', columns) == expected ? null
        : columns.Count == 0 ? "the table is missing"
        : "its columns are not the ones the SDK created";
}
