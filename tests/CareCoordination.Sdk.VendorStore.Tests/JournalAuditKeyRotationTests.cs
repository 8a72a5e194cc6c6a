using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Storage;

namespace CareCoordination.Sdk.VendorStore.Tests;

/// <summary>The audit key rotation contract against a vendor's journal store, whose file an attacker rewrites.</summary>
public sealed class JournalAuditKeyRotationTests : AuditKeyRotationContract, IDisposable
{
    private readonly JournalFiles _files = new();
    private readonly string _path;

    public JournalAuditKeyRotationTests() => _path = _files.NewPath();

    public void Dispose() => _files.Dispose();

    protected override ICareCoordinationStore OpenStore() => new JournalStore(_path);

    // The attacker keeps every other line, takes the audit records out of each commit, and appends the given ones as
    // one commit of their own: the journal then holds exactly these records, as the store's own writes would leave them.
    protected override void Rewrite(IReadOnlyList<AuditRecord> records)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadAllLines(_path))
        {
            using var entry = JsonDocument.Parse(line);
            if (entry.RootElement.TryGetProperty("changes", out var stored))
            {
                var changes = JournalCodec.ReadChangeSet(stored);
                var kept = new ChangeSet();
                changes.SignalCommits.ToList().ForEach(c => kept.Add(c));
                changes.Families.ToList().ForEach(f => kept.Add(f));
                changes.Streams.ToList().ForEach(s => kept.Add(s));
                lines.Add(Line(kept));
            }
            else if (!entry.RootElement.TryGetProperty("purge", out _))
            {
                lines.Add(line);
            }
        }

        var forged = new ChangeSet();
        foreach (var record in records)
        {
            forged.Add(record);
        }

        lines.Add(Line(forged));
        File.WriteAllText(_path, string.Concat(lines.Select(l => l + "\n")));
    }

    private static string Line(ChangeSet changes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("changes");
            JournalCodec.Write(json, changes);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
