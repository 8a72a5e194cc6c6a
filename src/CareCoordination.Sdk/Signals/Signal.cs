using System;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Signals;

/// <summary>
/// A signal (<em>signaal</em>, <em>melding</em>) in the reference index (<em>Verwijsindex</em>): an organisation is
/// involved with a youth. It holds exactly what the law lists — who, about whom, when, and until when — and
/// nothing about the concern.
/// </summary>
/// <remarks>
/// A snapshot the index hands out; equal when all parts are equal. <c>default(Signal)</c> is no signal
/// (<see cref="IsDefault"/>). <see cref="ToString"/> masks the BSN. Immutable and thread-safe.
/// </remarks>
public readonly struct Signal : IEquatable<Signal>
{
    // Kept in their raw forms so that handing out a signal on the lookup path is a copy of integers; the NodaTime
    // values are built only when a caller reads them.
    private readonly long _registeredTicks;
    private readonly int _expiresOnDay;

    internal Signal(SignalId id, Bsn youth, OrganisationId organisation, ProfessionalId reporter, long registeredTicks, int expiresOnDay, SignalExpiry expiry)
    {
        Id = id;
        Youth = youth;
        Organisation = organisation;
        Reporter = reporter;
        _registeredTicks = registeredTicks;
        _expiresOnDay = expiresOnDay;
        Expiry = expiry;
    }

    internal Signal WithYouth(Bsn youth) => new(Id, youth, Organisation, Reporter, _registeredTicks, _expiresOnDay, Expiry);

    /// <summary>Gets the identifier.</summary>
    public SignalId Id { get; }

    /// <summary>Gets the youth the signal is about.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public Bsn Youth { get; }

    /// <summary>Gets the reporting organisation.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the professional who is the contact for the signal.</summary>
    public ProfessionalId Reporter { get; }

    /// <summary>Gets when the signal was made or last renewed.</summary>
    public Instant RegisteredAt => Instant.FromUnixTimeTicks(_registeredTicks);

    /// <summary>Gets the date on which the signal leaves the active index, unless renewed or withdrawn earlier.</summary>
    public LocalDate ExpiresOn => Internal.LocalCalendar.FromDayNumber(_expiresOnDay);

    /// <summary>Gets why it leaves on <see cref="ExpiresOn"/>, and so whether it is archived or removed then.</summary>
    public SignalExpiry Expiry { get; }

    /// <summary>Gets a value indicating whether this is <c>default(Signal)</c>.</summary>
    public bool IsDefault => Id.IsDefault;

    /// <inheritdoc/>
    public bool Equals(Signal other) =>
        Id == other.Id && Youth == other.Youth && Organisation == other.Organisation && Reporter == other.Reporter
        && _registeredTicks == other._registeredTicks && _expiresOnDay == other._expiresOnDay && Expiry == other.Expiry;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Signal other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Youth, Organisation, Reporter, _registeredTicks, _expiresOnDay);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} on youth {Youth} by {Organisation}";

    /// <summary>Compares two signals for equality.</summary>
    /// <param name="left">The first signal.</param>
    /// <param name="right">The second signal.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Signal left, Signal right) => left.Equals(right);

    /// <summary>Compares two signals for inequality.</summary>
    /// <param name="left">The first signal.</param>
    /// <param name="right">The second signal.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Signal left, Signal right) => !left.Equals(right);
}
