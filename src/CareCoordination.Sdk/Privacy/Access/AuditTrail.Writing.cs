using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>How the trail writes: every record sealed onto the chain, joined to the operation under way or committed through the group committer, and checkpointed once durable.</summary>
public sealed partial class AuditTrail
{
    /// <summary>
    /// Appends the record <paramref name="keep"/> seals and keeps under the trail's lock, and returns once it is
    /// durable. On a store that commits change sets the record joins the operation under way on this thread (it is then
    /// part of that operation's one commit, and undone with it), or else queues as an operation of its own with the
    /// store's group committer, so that concurrent reads share one flush instead of one each, and the chain reaches the
    /// store in the order it was sealed. Its checkpoint is published once it is durable.
    /// </summary>
    private AuditRecord Write(Func<AuditRecord?> keep)
    {
        if (_sink is not ICareCoordinationStore store)
        {
            AuditRecord? kept;
            lock (_gate)
            {
                kept = keep();
                if (kept is not null)
                {
                    try
                    {
                        _sink?.AppendAudit(kept);
                    }
                    catch
                    {
                        Forget(kept);
                        throw;
                    }

                    _durableHead = kept;
                    PublishCheckpoint();
                }
            }

            return kept!;
        }

        if (ChangeScope.Current(store) is { } scope)
        {
            AuditRecord? joined;
            lock (_gate)
            {
                joined = keep();
            }

            if (joined is not null)
            {
                scope.Add(joined);
                scope.OnUndo(_gate, () => Forget(joined));
                scope.OnCommitted(() => Durable(joined));
                scope.AfterDurable(PublishDurableHead);
            }

            return joined!;
        }

        var committer = GroupCommitter.For(store);
        System.Diagnostics.Debug.Assert(!committer.Writer.IsHeldByCurrentThread, "a record written while this thread holds the writer lock belongs to the operation under way");
        AuditRecord? record;
        GroupCommitter.Ticket ticket;
        lock (committer.Writer)
        {
            lock (_gate)
            {
                record = keep();
            }

            if (record is null)
            {
                return null!;
            }

            ticket = committer.Enqueue(new ChangeSet().Add(record), [(_gate, () => Forget(record))], [() => Durable(record)]);
        }

        ticket.Wait();
        PublishDurableHead();
        return record;
    }

    /// <summary>Seals the next record onto the chain and keeps it in memory; call under the trail's lock.</summary>
    private AuditRecord Keep(string userId, ActorRole role, Organisations.OrganisationId? organisation, string system, PersonPseudonym subject, AuditAction action, DataCategory data, string detail, AccessBasis? basis, string? basisReference, bool flaggedForReview, int? epoch = null)
    {
        var previous = _records.Count > 0 ? _records[^1].Hash : _genesis;
        var sealUnder = epoch ?? _epoch;
        var record = AuditRecord.Seal(_sequence + 1, _clock.GetCurrentInstant(), userId, role, organisation, system, subject, action, data, detail, basis, basisReference, flaggedForReview, previous, _keys.ChainKeyOf(sealUnder)!, sealUnder);
        _records.Add(record);
        _sequence++;
        return record;
    }

    /// <summary>Takes back the newest record, whose commit failed: it never reached the store, so its number was never published.</summary>
    private void Forget(AuditRecord record)
    {
        if (_records.Count > 0 && ReferenceEquals(_records[^1], record))
        {
            _records.RemoveAt(_records.Count - 1);
            _sequence--;
            if (record.TryReadRotation(out var from, out var to) && record.KeyEpoch == to && _epoch == to)
            {
                _epoch = from;
            }
        }
    }

    /// <summary>Notes, on the committer's thread, that a record is durable; its checkpoint follows on the caller's thread.</summary>
    private void Durable(AuditRecord record)
    {
        lock (_gate)
        {
            if (_durableHead is null || record.Sequence > _durableHead.Sequence)
            {
                _durableHead = record;
            }
        }
    }

    /// <summary>Publishes a checkpoint of the newest durable record, unless one at least as new is out: one per group commit, not one per record.</summary>
    private void PublishDurableHead()
    {
        lock (_gate)
        {
            PublishCheckpoint();
        }
    }

    private void PublishCheckpoint()
    {
        if (_checkpoints is null)
        {
            return;
        }

        // Only what is durable is anchored: a checkpoint ahead of the store would read as a truncated trail at the next start.
        var head = _durableHead is { } durable && durable.Sequence > _genesisSequence ? durable : null;
        var sequence = head?.Sequence ?? _genesisSequence;
        if (_lastCheckpoint is { } published && published.Sequence >= sequence && published.GenesisSequence == _genesisSequence)
        {
            return;
        }

        // Signed under the epoch of the record it anchors, which verification checks it under.
        var epoch = head is { IsKeyed: true } ? head.KeyEpoch : _epoch;
        var checkpoint = AuditCheckpoint.Sign(sequence, head?.Hash ?? _genesis, _genesisSequence, _genesis, _keyedFrom, epoch, _clock.GetCurrentInstant(), _keys.ChainKeyOf(epoch)!);
        _checkpoints.Publish(checkpoint);
        _lastCheckpoint = checkpoint;
    }
}
