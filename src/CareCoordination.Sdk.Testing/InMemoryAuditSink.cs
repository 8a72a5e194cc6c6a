using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Testing;

/// <summary>An <see cref="IAuditSink"/> in memory, for tests: it keeps what a durable sink would, and can refuse the next write.</summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryAuditSink : IAuditSink
{
    private readonly Lock _gate = new();
    private readonly List<AuditRecord> _records = [];
    private string _genesis = AuditRecord.GenesisHash;
    private long _genesisSequence;
    private bool _failNext;

    /// <summary>Gets a copy of the kept records.</summary>
    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>Makes the next <see cref="AppendAudit"/> throw, as a full disk would.</summary>
    public void FailNextAppend()
    {
        lock (_gate)
        {
            _failNext = true;
        }
    }

    /// <summary>Replaces every kept record, as someone who can write to a store's tables could: for tests that the trail notices tampering.</summary>
    /// <param name="records">The records the sink keeps from now on.</param>
    public void ReplaceRecords(IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            _records.Clear();
            _records.AddRange(records);
        }
    }

    /// <inheritdoc/>
    public StoredAuditTrail LoadAuditTrail()
    {
        lock (_gate)
        {
            return new StoredAuditTrail(_genesis, _genesisSequence, [.. _records]);
        }
    }

    /// <inheritdoc/>
    public void AppendAudit(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_failNext)
            {
                _failNext = false;
                throw new InvalidOperationException("The in-memory audit sink was told to refuse this write.");
            }

            _records.Add(record);
        }
    }

    /// <inheritdoc/>
    public void PurgeAudit(long throughSequence, string genesis)
    {
        lock (_gate)
        {
            _records.RemoveAll(r => r.Sequence <= throughSequence);
            _genesis = genesis;
            _genesisSequence = throughSequence;
        }
    }
}
