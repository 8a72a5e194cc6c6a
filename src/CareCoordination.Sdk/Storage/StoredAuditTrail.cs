using System.Collections.Generic;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Storage;

/// <summary>The audit trail as a sink keeps it: where the chain starts, and the records in sequence order.</summary>
/// <param name="Genesis">The hash the first kept record chains to (<see cref="AuditRecord.GenesisHash"/> until a purge).</param>
/// <param name="GenesisSequence">The sequence number of the last purged record, 0 until a purge.</param>
/// <param name="Records">The kept records, in sequence order.</param>
public sealed record StoredAuditTrail(string Genesis, long GenesisSequence, IReadOnlyList<AuditRecord> Records);
