using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Tests.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>
/// Pins what the service's idempotency memory writes to the store: each of its event types, produced by keyed writes
/// through the service, must equal docs/stored-formats-service.md, so that a renamed property shows in review instead of
/// leaving a restarted service unable to read the keys it kept. Run with CARECOORDINATION_UPDATE_DOCS=1 to regenerate it.
/// </summary>
public sealed class IdempotencyDocumentsTests : IDisposable
{
    private const string MemoryKind = "service-idempotency-keys";
    private readonly string _folder = Directory.CreateTempSubdirectory("idempotency-documents-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_service_keeps_its_claimed_answered_released_and_kept_keys_exactly_as_docs_stored_formats_service_shows()
    {
        var path = Path.Combine(_folder, "regional-index.db");
        var written = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using (var service = new ServiceFactory(sqlitePath: path))
        {
            var reporter = service.ClientAs(Role.ReporterOfTheOrganisation);
            // Nothing to withdraw yet: the key is claimed and released, and its retry below runs and is answered.
            await (await reporter.PostAsync("/v1/signal-withdrawals", Withdrawal(Http.Sara), "withdrawal-1")).ProblemAsync(403);
            await (await reporter.PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
            await (await reporter.PostAsync("/v1/signals", Http.SignalBody(Http.Sam))).JsonAsync();
            await (await reporter.PostAsync("/v1/signal-withdrawals", Withdrawal(Http.Sara), "withdrawal-1")).JsonAsync();
            await (await reporter.PostAsync("/v1/signal-withdrawals", Withdrawal(Http.Sam), "cut-off")).JsonAsync();
            foreach (var stored in Memory(service).OrderBy(s => s.Id, StringComparer.Ordinal).SelectMany(s => s.Events))
            {
                written.TryAdd(stored.Type + " v" + stored.SchemaVersion, stored.Json);
            }
        }

        // What a crash between a write's commit and its answer's leaves: the claim without the answer, kept as such.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM stream_events WHERE kind = '{MemoryKind}' AND type = 'KeyAnswered' AND rowid = (SELECT max(rowid) FROM stream_events WHERE kind = '{MemoryKind}')";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        // At start, every shard's history is replaced by the keys it still holds.
        await using (var restarted = new ServiceFactory(sqlitePath: path))
        {
            foreach (var shard in Memory(restarted).OrderBy(s => s.Id, StringComparer.Ordinal))
            {
                var kept = Assert.Single(shard.Events);
                written.Add(kept.Type + " v" + kept.SchemaVersion + " " + shard.Id, kept.Json);
            }
        }

        Assert.Equal(["KeyAnswered", "KeyClaimed", "KeyReleased", "KeysKept"], written.Keys.Select(k => k.Split(' ')[0]).Distinct());
        Assert.Contains(written, p => p.Key.StartsWith("KeysKept", StringComparison.Ordinal) && p.Value.Contains("\"answer\":null", StringComparison.Ordinal));
        var text = new StringBuilder();
        foreach (var (key, json) in written)
        {
            text.Append(key).Append('\n').Append(json).Append("\n\n");
        }

        PinnedText.AssertDocumentShows("stored-formats-service.md", "service idempotency keys", text.ToString());
    }

    private static string Withdrawal(string bsn) => $$"""{"bsn":"{{bsn}}","reason":"RiskGone"}""";

    private static IReadOnlyList<StoredHistory> Memory(ServiceFactory service) =>
        ((IEventStreamStore)service.Services.GetRequiredService<ISignalStore>()).ReadStreams(MemoryKind);
}
