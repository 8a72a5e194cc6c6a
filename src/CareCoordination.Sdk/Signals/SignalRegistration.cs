using System;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Signals;

/// <summary>
/// A request to register a signal (<em>signaal afgeven</em>): a professional of an organisation is involved with a
/// youth and concerned. It says who, about whom and on which legal criterion; nothing about the concern itself.
/// </summary>
/// <remarks>
/// Immutable. <c>default(SignalRegistration)</c> is refused by the index as invalid. The criterion is checked and
/// then dropped: it stays in the reporter's own records, never in the index. So does the route by which the concern
/// reached the reporter: it belongs to the coordination case (<see cref="Coordination.Desk.CaseIntake"/>).
/// </remarks>
public readonly struct SignalRegistration
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="youth">The youth the signal is about.</param>
    /// <param name="organisation">The reporting organisation.</param>
    /// <param name="reporter">The designated professional who is the contact for the signal.</param>
    /// <param name="criterion">The legal reporting criterion; kept in the reporter's records only.</param>
    /// <exception cref="ArgumentException">A value is <c>default</c> or undefined.</exception>
    public SignalRegistration(Youth youth, OrganisationId organisation, ProfessionalId reporter, ReportingCriterion criterion)
    {
        if (youth.IsDefault)
        {
            throw new ArgumentException("A signal is about a youth with a valid BSN.", nameof(youth));
        }

        Internal.Guard.NotDefault(organisation);
        Internal.Guard.NotDefault(reporter);
        if (criterion == ReportingCriterion.None || !Enum.IsDefined(criterion))
        {
            throw new ArgumentException("A signal names one of the twelve legal reporting criteria.", nameof(criterion));
        }

        Youth = youth;
        Organisation = organisation;
        Reporter = reporter;
        Criterion = criterion;
    }

    /// <summary>Gets the youth the signal is about.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public Youth Youth { get; }

    /// <summary>Gets the reporting organisation.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the professional who is the contact for the signal.</summary>
    public ProfessionalId Reporter { get; }

    /// <summary>Gets the legal reporting criterion, for the reporter's own records.</summary>
    public ReportingCriterion Criterion { get; }

    /// <summary>
    /// Gets the key a vendor client chose for this registration, so that a retry after a time-out returns the first
    /// result instead of registering again; <see langword="null"/> when none was given.
    /// </summary>
    public string? IdempotencyKey { get; private init; }

    /// <summary>Gets a value indicating whether this is <c>default(SignalRegistration)</c>.</summary>
    public bool IsDefault => Youth.IsDefault;

    /// <summary>
    /// Returns a copy that carries an idempotency key: within the policy's idempotency window the index answers a
    /// registration with a key it has seen with the first result — same signal, same matches — and changes nothing.
    /// </summary>
    /// <param name="key">From 1 to 128 characters, printable (no control characters, including DEL and C1), and well-formed UTF-16 (no unpaired surrogate, which stores would mangle or refuse); unique per intended registration.</param>
    /// <returns>The registration with the key.</returns>
    /// <exception cref="ArgumentException">The key is empty, too long, holds a control character or an unpaired surrogate.</exception>
    public SignalRegistration WithIdempotencyKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > 128 || key.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || key.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
            || HasUnpairedSurrogate(key))
        {
            throw new ArgumentException("An idempotency key has 1 to 128 printable characters, without control characters or unpaired surrogates.", nameof(key));
        }

        return this with { IdempotencyKey = key };
    }

    /// <inheritdoc/>
    public override string ToString() => $"signal on {Youth} by {Organisation}";

    private static bool HasUnpairedSurrogate(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (char.IsHighSurrogate(key[i]) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(key[i]))
            {
                return true;
            }
        }

        return false;
    }
}
