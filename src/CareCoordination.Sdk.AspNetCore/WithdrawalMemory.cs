using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// The first answers to withdrawals sent with an <c>Idempotency-Key</c>, per organisation's key: a retry of the same
/// withdrawal gets the same answer instead of a refusal (the signal is gone by then), and the same key on another
/// withdrawal is a conflict. Kept in memory for a day and at most <see cref="Capacity"/> keys, so a retry after the
/// service restarted finds the signal withdrawn and is refused; the vendor then reads its own signals to see it gone.
/// </summary>
/// <remarks>Thread-safe: keyed withdrawals run one at a time, so two concurrent retries cannot both withdraw.</remarks>
internal sealed class WithdrawalMemory(IClock clock)
{
    public const int Capacity = 10_000;

    private static readonly Duration Lifetime = Duration.FromDays(1);

    private readonly object _gate = new();
    private readonly Dictionary<string, Remembered> _answers = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Answers a keyed withdrawal: the remembered answer, or the withdrawal's own, remembered.</summary>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for another withdrawal.</exception>
    public Signal Withdraw(string key, Bsn youth, WithdrawalReason reason, Func<Signal> withdraw)
    {
        lock (_gate)
        {
            var now = clock.GetCurrentInstant();
            Forget(now);
            if (_answers.TryGetValue(key, out var remembered))
            {
                return remembered.Youth == youth && remembered.Reason == reason
                    ? remembered.Answer
                    : throw new IdempotencyKeyReusedException();
            }

            var answer = withdraw();
            _answers[key] = new Remembered(youth, reason, answer, now);
            _order.Enqueue(key);
            return answer;
        }
    }

    private void Forget(Instant now)
    {
        while (_order.TryPeek(out var oldest) && (_order.Count > Capacity || now - _answers[oldest].At > Lifetime))
        {
            _answers.Remove(_order.Dequeue());
        }
    }

    private sealed record Remembered(Bsn Youth, WithdrawalReason Reason, Signal Answer, Instant At);
}

/// <summary>An idempotency key came again with another request than the one it was first used for.</summary>
internal sealed class IdempotencyKeyReusedException : Exception
{
    public IdempotencyKeyReusedException()
        : base("The Idempotency-Key was used before for another withdrawal; use a new key for a new request.")
    {
    }

    public IdempotencyKeyReusedException(string message)
        : base(message)
    {
    }

    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
