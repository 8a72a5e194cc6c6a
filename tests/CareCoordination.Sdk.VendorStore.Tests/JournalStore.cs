using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;

namespace CareCoordination.Sdk.VendorStore.Tests;

/// <summary>
/// A store a vendor could write without the SDK's internals: every commit is one JSON line appended to a journal file
/// and flushed to disk before the commit returns; opening the store replays the journal. The state between commits is
/// kept by the Testing package's in-memory store, itself written against the public contract; what this type adds is
/// the durable medium, so that every row of the contract goes through its public constructors on each reopening.
/// </summary>
/// <remarks>
/// A line cut off by a crash is the commit that never returned, so opening drops it. One writer at a time: the file is
/// opened for exclusive writing, so a second store on the same journal is refused by the operating system.
/// </remarks>
internal sealed class JournalStore : ICareCoordinationStore, ISignalEventReader, IDisposable
{
    private readonly Lock _gate = new();
    private InMemoryCareCoordinationStore _state = new();
    private readonly FileStream _journal;
    private bool _broken;

    public JournalStore(string path)
    {
        // Unbuffered: every read sees the file as it is on disk now, and a line goes to the file in one write.
        _journal = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        _state = Replay(truncateCutOff: true);
    }

    public void Commit(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Write("changes", json => JournalCodec.Write(json, changes), () => _state.Commit(changes));
    }

    public void Commit(SignalCommit commit) => Commit(new ChangeSet().Add(commit));

    public void SaveFamily(StoredFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        Commit(new ChangeSet().Add(new FamilyChange(family.Id, family)));
    }

    public void RemoveFamily(FamilyId family) => Commit(new ChangeSet().Add(new FamilyChange(family, null)));

    public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events) =>
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, expectedVersion, events)));

    public void EraseStream(string kind, string stream, StreamEvent tombstone) =>
        Commit(new ChangeSet().Add(new StreamChange(kind, stream, null, [tombstone])));

    public void AppendAudit(AuditRecord record) => Commit(new ChangeSet().Add(record));

    public void PurgeAudit(long throughSequence, string genesis) =>
        Write(
            "purge",
            json =>
            {
                json.WriteStartObject();
                json.WriteNumber("throughSequence", throughSequence);
                json.WriteString("genesis", genesis);
                json.WriteEndObject();
            },
            () => _state.PurgeAudit(throughSequence, genesis));

    public void WriteYouthKeying(string keying) => Write("keying", json => json.WriteStringValue(keying), () => _state.WriteYouthKeying(keying));

    public void Load(IStoredIndexSink sink) => _state.Load(sink);

    public IReadOnlyList<StoredEvent> ReadSignalEvents() => _state.ReadSignalEvents();

    public IReadOnlyList<StoredHistory> ReadStreams(string kind) => _state.ReadStreams(kind);

    // The audit trail is read from disk, not from what this process remembers: verification must see what an
    // attacker with write access to the file left there.
    public StoredAuditTrail LoadAuditTrail()
    {
        lock (_gate)
        {
            return Replay(truncateCutOff: false).LoadAuditTrail();
        }
    }

    public string? ReadYouthKeying() => _state.ReadYouthKeying();

    public void Dispose() => _journal.Dispose();

    // The change is applied to the state first, so that a refused change (a stale stream version) never reaches the
    // journal; a journal that then cannot be written leaves state and disk apart, so the store refuses all further work.
    private void Write(string entry, Action<Utf8JsonWriter> write, Action apply)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(!_journal.CanWrite, this);
            if (_broken)
            {
                throw new IOException("The journal could not be written earlier; reopen the store.");
            }

            apply();
            try
            {
                var line = new ArrayBufferWriter<byte>();
                using (var json = new Utf8JsonWriter(line))
                {
                    json.WriteStartObject();
                    json.WritePropertyName(entry);
                    write(json);
                    json.WriteEndObject();
                }

                line.Write("\n"u8);
                _journal.Seek(0, SeekOrigin.End);
                _journal.Write(line.WrittenSpan);
                _journal.Flush(flushToDisk: true);
            }
            catch
            {
                _broken = true;
                throw;
            }
        }
    }

    private InMemoryCareCoordinationStore Replay(bool truncateCutOff)
    {
        var state = new InMemoryCareCoordinationStore();
        _journal.Seek(0, SeekOrigin.Begin);
        var content = new byte[_journal.Length];
        _journal.ReadExactly(content);
        var start = 0;
        int end;
        while ((end = Array.IndexOf(content, (byte)'\n', start)) >= 0)
        {
            using var line = JsonDocument.Parse(content.AsMemory(start, end - start));
            var entry = line.RootElement;
            if (entry.TryGetProperty("changes", out var changes))
            {
                state.Commit(JournalCodec.ReadChangeSet(changes));
            }
            else if (entry.TryGetProperty("purge", out var purge))
            {
                state.PurgeAudit(purge.GetProperty("throughSequence").GetInt64(), purge.GetProperty("genesis").GetString()!);
            }
            else
            {
                state.WriteYouthKeying(entry.GetProperty("keying").GetString()!);
            }

            start = end + 1;
        }

        // What follows the last line break is a commit cut off by a crash: it never returned, so it is not kept.
        if (truncateCutOff)
        {
            _journal.SetLength(start);
        }

        return state;
    }
}
