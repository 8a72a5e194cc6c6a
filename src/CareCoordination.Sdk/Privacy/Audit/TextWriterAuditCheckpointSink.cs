using System.IO;
using System.Threading;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Privacy.Audit;

/// <summary>
/// Writes the audit trail's checkpoints as lines to a log (any <see cref="TextWriter"/>: a console the platform ships
/// off the machine, a syslog or journald stream), each prefixed so that the log's own tooling can find them. A log
/// cannot be read back by the SDK: give the constructor the newest checkpoint line the host found in its log, so that
/// the trail is checked against it at open.
/// </summary>
/// <remarks>Thread-safe: writes are serialised.</remarks>
public sealed class TextWriterAuditCheckpointSink : IAuditCheckpointSink
{
    private readonly Lock _gate = new();
    private readonly TextWriter _log;
    private AuditCheckpoint? _latest;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="log">The log to write to.</param>
    /// <param name="latest">The newest checkpoint the host read back from its log (<see cref="AuditCheckpoint.Parse"/> of the line), or <see langword="null"/> for a new trail.</param>
    public TextWriterAuditCheckpointSink(TextWriter log, AuditCheckpoint? latest = null)
    {
        _log = Guard.NotNull(log);
        _latest = latest;
    }

    /// <inheritdoc/>
    public void Publish(AuditCheckpoint checkpoint)
    {
        Guard.NotNull(checkpoint);
        lock (_gate)
        {
            _log.WriteLine(checkpoint.ToString());
            _log.Flush();
            _latest = checkpoint;
        }
    }

    /// <inheritdoc/>
    public AuditCheckpoint? ReadLatest()
    {
        lock (_gate)
        {
            return _latest;
        }
    }
}
