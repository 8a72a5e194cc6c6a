using System;
using System.IO;
using System.Text;
using System.Threading;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Privacy.Audit;

/// <summary>
/// Keeps the audit trail's checkpoints in a text file, one line each, flushed to disk before the call returns. Put
/// the file where the store's writers cannot write: another volume, another account, or an append-only mount.
/// </summary>
/// <remarks>Thread-safe. A torn last line (a crash while writing) is skipped when reading back.</remarks>
public sealed class FileAuditCheckpointSink : IAuditCheckpointSink
{
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance.</summary>
    /// <param name="path">The file; it is created when missing.</param>
    /// <exception cref="ArgumentException">The path is blank.</exception>
    public FileAuditCheckpointSink(string path) => Path = Guard.NotBlank(path);

    /// <summary>Gets the file's path.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public void Publish(AuditCheckpoint checkpoint)
    {
        Guard.NotNull(checkpoint);
        var line = Encoding.UTF8.GetBytes(checkpoint + "\n");
        lock (_gate)
        {
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            file.Write(line);
            file.Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc/>
    public AuditCheckpoint? ReadLatest()
    {
        lock (_gate)
        {
            if (!File.Exists(Path))
            {
                return null;
            }

            var lines = File.ReadAllLines(Path, Encoding.UTF8);
            for (var i = lines.Length - 1; i >= 0; i--)
            {
                if (AuditCheckpoint.TryParse(lines[i], out var checkpoint))
                {
                    return checkpoint;
                }
            }

            return null;
        }
    }
}
