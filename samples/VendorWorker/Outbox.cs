using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Testing;
using NodaTime;

namespace VendorWorker;

/// <summary>
/// The vendor's simulated outbox: a signal per youth, each entry with a stable id that is its idempotency key. A real
/// client system keeps it in its own database, beside the professional's records.
/// </summary>
internal sealed class Outbox
{
    private readonly Dictionary<string, Youth> _youths;

    public Outbox(WorkerSettings settings)
    {
        var youths = TestBsns.Generate(settings.Signals, settings.Seed);
        Entries = [.. youths.Select((bsn, i) => (string.Create(CultureInfo.InvariantCulture, $"outbox-{settings.Seed}-{i}"), new Youth(bsn, new LocalDate(2014, 1, 1).PlusDays(i % 365))))];
        _youths = Entries.ToDictionary(e => e.Id, e => e.Youth);
    }

    /// <summary>Gets the entries, in the order the worker sends them.</summary>
    public IReadOnlyList<(string Id, Youth Youth)> Entries { get; }

    /// <summary>The youth an entry signals.</summary>
    public Youth? YouthOf(string entry) => _youths.TryGetValue(entry, out var youth) ? youth : null;
}
