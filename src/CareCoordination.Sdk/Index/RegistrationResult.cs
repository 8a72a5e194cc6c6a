using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Index;

/// <summary>
/// What a registration in the reference index did: the signal registered or renewed and the matches it found, or
/// why it was refused. A refused registration changed nothing.
/// </summary>
/// <remarks>
/// A value returned on the hot path; it allocates nothing unless matches were found and copied into
/// <see cref="Matches"/>. <c>default(RegistrationResult)</c> reads as refused for an invalid registration.
/// </remarks>
public readonly struct RegistrationResult
{
    private readonly Match[]? _matches;
    private readonly string? _message;
    private readonly RegistrationRefusal _refusal;

    private RegistrationResult(RegistrationOutcome outcome, RegistrationRefusal refusal, string? message, Signal signal, Match[]? matches, int matchCount)
    {
        Outcome = outcome;
        _refusal = refusal;
        _message = message;
        Signal = signal;
        _matches = matches;
        MatchCount = matchCount;
    }

    /// <summary>Gets what the registration did.</summary>
    public RegistrationOutcome Outcome { get; }

    /// <summary>Gets why it was refused, or <see cref="RegistrationRefusal.None"/>.</summary>
    public RegistrationRefusal Refusal => Outcome == RegistrationOutcome.Refused && _refusal == RegistrationRefusal.None
        ? RegistrationRefusal.InvalidRegistration
        : _refusal;

    /// <summary>Gets a value indicating whether the registration was refused.</summary>
    public bool IsRefused => Outcome == RegistrationOutcome.Refused;

    /// <summary>
    /// Gets a message a vendor can show: why it was refused, or what happened, in the language of the registering
    /// thread's <see cref="System.Globalization.CultureInfo.CurrentUICulture"/> (English, or Dutch for nl). It never contains a full BSN.
    /// </summary>
    public string Message => _message ?? Outcome switch
    {
        RegistrationOutcome.Registered => SignalMessages.SignalRegistered,
        RegistrationOutcome.Renewed => SignalMessages.SignalRenewed,
        _ => SignalMessages.RegistrationInvalid,
    };

    /// <summary>Gets the signal as registered or renewed; <c>default</c> when refused.</summary>
    public Signal Signal { get; }

    /// <summary>Gets how many matches the registration found, including any that did not fit a caller's buffer.</summary>
    public int MatchCount { get; }

    /// <summary>Gets the matches found, seen from the new signal's side; empty when the caller supplied its own buffer.</summary>
    public IReadOnlyList<Match> Matches => _matches ?? [];

    /// <summary>Throws when the registration was refused.</summary>
    /// <exception cref="SignalRefusedException">The registration was refused; the exception names the reason.</exception>
    public void ThrowIfRefused()
    {
        if (IsRefused)
        {
            throw new SignalRefusedException(Refusal, Message);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => IsRefused ? "Refused: " + Message : $"{Outcome} {Signal.Id} with {MatchCount} match(es)";

    internal static RegistrationResult Refused(RegistrationRefusal refusal, string message) =>
        new(RegistrationOutcome.Refused, refusal, message, default, null, 0);

    internal static RegistrationResult Succeeded(RegistrationOutcome outcome, Signal signal, Match[]? matches, int matchCount) =>
        new(outcome, RegistrationRefusal.None, null, signal, matches, matchCount);
}
