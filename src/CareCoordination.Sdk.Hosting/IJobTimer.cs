using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Waits for the next run of the daily jobs. The default waits on the host's <see cref="IClock"/>; a test registers
/// its own, which completes when the test has advanced its <c>FakeClock</c>, so the jobs fire without real waiting.
/// </summary>
public interface IJobTimer
{
    /// <summary>Completes once <paramref name="due"/> has come on the host's clock.</summary>
    /// <param name="due">The instant of the next run.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes at or after <paramref name="due"/>.</returns>
    /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask WaitUntilAsync(Instant due, CancellationToken cancellationToken);
}
