using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace VendorWorker;

/// <summary>
/// The vendor's own durable state, in plain files: which outbox entries the service acknowledged, the feed's cursor,
/// and the ids of the notifications already handled (to deduplicate an at-least-once feed).
/// </summary>
internal sealed class WorkerState
{
    private readonly Lock _gate = new();
    private readonly string _acknowledged;
    private readonly string _notifications;
    private readonly string _cursor;
    private readonly string _cases;
    private readonly string _webhooks;
    private readonly Dictionary<long, string> _entryOfSignal;
    private readonly HashSet<string> _acked;
    private readonly HashSet<string> _seen;

    public WorkerState(string folder)
    {
        Directory.CreateDirectory(folder);
        _acknowledged = Path.Combine(folder, "acknowledged.txt");
        _notifications = Path.Combine(folder, "notifications.txt");
        _cursor = Path.Combine(folder, "cursor.txt");
        _cases = Path.Combine(folder, "cases.txt");
        _webhooks = Path.Combine(folder, "webhooks.txt");
        var acknowledged = ReadLines(_acknowledged).Select(l => l.Split(' ')).ToList();
        _acked = [.. acknowledged.Select(l => l[0])];
        _entryOfSignal = acknowledged.ToDictionary(l => long.Parse(l[1], CultureInfo.InvariantCulture), l => l[0]);
        _seen = [.. ReadLines(_notifications)];
        OutboxDone = new TaskCompletionSourceSlim();
    }

    /// <summary>Gets a signal set once every outbox entry is acknowledged.</summary>
    public TaskCompletionSourceSlim OutboxDone { get; }

    public bool IsAcknowledged(string entry)
    {
        lock (_gate)
        {
            return _acked.Contains(entry);
        }
    }

    public void Acknowledge(string entry, long signal)
    {
        lock (_gate)
        {
            if (_acked.Add(entry))
            {
                _entryOfSignal[signal] = entry;
                File.AppendAllLines(_acknowledged, [string.Create(CultureInfo.InvariantCulture, $"{entry} {signal}")]);
            }
        }
    }

    /// <summary>Handles a notification once: false when its id was seen before.</summary>
    public bool FirstTime(string id)
    {
        lock (_gate)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            File.AppendAllLines(_notifications, [id]);
            return true;
        }
    }

    /// <summary>The outbox entry whose registration the service acknowledged with this signal, if any.</summary>
    public string? EntryOf(long signal)
    {
        lock (_gate)
        {
            return _entryOfSignal.GetValueOrDefault(signal);
        }
    }

    /// <summary>Records that the worker took up a case, once: false when it did before.</summary>
    public bool FirstCaseWork(int @case)
    {
        lock (_gate)
        {
            var line = @case.ToString(CultureInfo.InvariantCulture);
            if (ReadLines(_cases).Contains(line))
            {
                return false;
            }

            File.AppendAllLines(_cases, [line]);
            return true;
        }
    }

    /// <summary>Records the id of a verified webhook, handled or not: which notifications reached the worker that way.</summary>
    public void WebhookReceived(string id)
    {
        lock (_gate)
        {
            File.AppendAllLines(_webhooks, [id]);
        }
    }

    public long Cursor => File.Exists(_cursor) ? long.Parse(File.ReadAllText(_cursor), CultureInfo.InvariantCulture) : 0;

    public void SaveCursor(long cursor)
    {
        // Written after the page is handled, so a crash re-reads the page and the ids deduplicate it.
        var temporary = _cursor + ".tmp";
        File.WriteAllText(temporary, cursor.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, _cursor, overwrite: true);
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0) : [];
}

/// <summary>A one-shot signal between the two workers of the host.</summary>
internal sealed class TaskCompletionSourceSlim
{
    private readonly System.Threading.Tasks.TaskCompletionSource _source = new(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);

    public System.Threading.Tasks.Task Task => _source.Task;

    public void Set() => _source.TrySetResult();
}
