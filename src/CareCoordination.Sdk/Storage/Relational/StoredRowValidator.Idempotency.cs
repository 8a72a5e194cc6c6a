using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>The checks of remembered idempotency keys: the key, its time and the answer it stands for, including tombstone answers.</summary>
public sealed partial class StoredRowValidator
{
    /// <summary>Checks one remembered idempotency key and its answer.</summary>
    /// <param name="key">The key.</param>
    /// <param name="atTicks">When the key was first used, as Unix ticks.</param>
    /// <param name="schemaVersion">The schema version of the answer.</param>
    /// <param name="answer">The answer as JSON.</param>
    /// <param name="stored">The key, when the row is sound.</param>
    /// <returns>Whether the row is sound; <see langword="false"/> when it was quarantined.</returns>
    /// <exception cref="CorruptStoredDataException">The row is damaged and the handling is <see cref="CorruptRowHandling.Stop"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">A newer version of the SDK wrote the answer; such a row is never skipped.</exception>
    public bool TryAcceptIdempotencyKey(string key, long atTicks, long schemaVersion, string answer, out StoredIdempotencyKey? stored)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        stored = null;
        var rowKey = ShownKey(key);
        if (schemaVersion > EventDocuments.SchemaVersion && schemaVersion <= int.MaxValue)
        {
            throw new UnsupportedSchemaVersionException("idempotency key", (int)schemaVersion, EventDocuments.SchemaVersion);
        }

        if (key.Length == 0)
        {
            return Refuse(IdempotencyKeysTable, rowKey, "its key is empty", null);
        }

        if (schemaVersion < 1 || schemaVersion > EventDocuments.SchemaVersion)
        {
            return Refuse(IdempotencyKeysTable, rowKey, $"its schema version {Number(schemaVersion)} is not one the SDK writes", null);
        }

        if (atTicks < MinTicks || atTicks > MaxTicks)
        {
            return Refuse(IdempotencyKeysTable, rowKey, $"its time {Number(atTicks)} is not an instant", null);
        }

        var candidate = new StoredIdempotencyKey(key, Instant.FromUnixTimeTicks(atTicks), [], (int)schemaVersion, answer);
        RememberedAnswerDocument document;
        try
        {
            document = EventDocuments.ReadRemembered(candidate);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return Refuse(IdempotencyKeysTable, rowKey, "its answer is not readable JSON of a remembered answer", e);
        }

        var problem = AnswerProblem(document);
        if (problem is not null)
        {
            return Refuse(IdempotencyKeysTable, rowKey, problem, null);
        }

        stored = candidate;
        return true;
    }

    private static string? AnswerProblem(RememberedAnswerDocument answer)
    {
        if (answer.Signal is null || answer.Matches is null)
        {
            return "its answer lacks the signal or the matches";
        }

        if (answer.Removed)
        {
            return RemovedAnswerProblem(answer);
        }

        var problem = answer.Youth is < 1 or > MaxYouthKey ? "its answer's youth key is outside 1 to 999,999,999"
            : answer.Organisation < 1 ? "its answer's organisation is not a positive identifier"
            : !Enum.IsDefined(answer.Outcome) || answer.Outcome == RegistrationOutcome.Refused ? "its answer's outcome is neither registered nor renewed"
            : SignalProblem(answer.Signal) is { } signal ? "its answer's signal " + signal
            : answer.Signal.Youth != answer.Youth || answer.Signal.Organisation != answer.Organisation ? "its answer's signal is of another youth or organisation than the answer"
            : null;
        if (problem is not null)
        {
            return problem;
        }

        foreach (var match in answer.Matches)
        {
            problem = match?.Other is null ? "a match in its answer lacks the other signal"
                : !Enum.IsDefined(match.Kind) ? "a match in its answer has an undefined kind"
                : SignalProblem(match.Other) is { } other ? "a match in its answer names a signal that " + other
                : match.Other.Id == answer.Signal.Id ? "a match in its answer names the answer's own signal"
                : match.MatchCoordinator < 1 ? "a match in its answer has no coordinating organisation"
                : match.Family is < 1 ? "a match in its answer names a family that is not a positive identifier"
                : null;
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    // The tombstone of an answer whose own signal was erased keeps the signal's identity but no youth and no match.
    private static string? RemovedAnswerProblem(RememberedAnswerDocument answer) =>
        answer.Youth != 0 || answer.Signal.Youth != 0 ? "its answer is marked removed but still holds a youth"
        : answer.Matches.Count > 0 ? "its answer is marked removed but still holds matches"
        : answer.Organisation < 1 ? "its answer's organisation is not a positive identifier"
        : !Enum.IsDefined(answer.Outcome) || answer.Outcome == RegistrationOutcome.Refused ? "its answer's outcome is neither registered nor renewed"
        : SignalProblem(answer.Signal with { Youth = 1 }) is { } signal ? "its answer's signal " + signal
        : answer.Signal.Organisation != answer.Organisation ? "its answer's signal is of another organisation than the answer"
        : null;

    private static string? SignalProblem(RememberedSignalDocument signal) =>
        signal.Id <= 0 ? "has an identifier that is not positive"
        : signal.Youth is < 1 or > MaxYouthKey ? "has a youth key outside 1 to 999,999,999"
        : signal.Organisation < 1 || signal.Reporter < 1 ? "has an organisation or reporter that is not positive"
        : signal.RegisteredTicks < MinTicks || signal.RegisteredTicks > MaxTicks ? "has a registration time that is not an instant"
        : signal.Day < 0 || signal.Day > MaxDay ? "has a day that is not a date"
        : !Enum.IsDefined(signal.Expiry) ? "has an undefined expiry"
        : null;

    // A row's enum column is checked against the values the SDK defines, without boxing a value per row.
}
