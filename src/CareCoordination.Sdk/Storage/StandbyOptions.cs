using System;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// How a standby store waits for the writer lock of a store another instance writes to: it holds no lock while it waits,
/// and tries to take it once every <see cref="PollInterval"/>. When the active instance is disposed or its process dies
/// (even by kill -9), the standby takes the lock at its next try.
/// </summary>
public sealed class StandbyOptions
{
    private TimeSpan _pollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Gets how long the standby waits between two tries to take the writer lock.</summary>
    /// <value>The default is one second, so that a standby takes over within a few seconds of the active instance's end.</value>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive or longer than a minute.</exception>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(PollInterval));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromMinutes(1), nameof(PollInterval));
            _pollInterval = value;
        }
    }
}
