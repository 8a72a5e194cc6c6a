using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Facility;

/// <summary>
/// Hands signals of reporters who may not use the BSN to the reference index through the host's
/// <see cref="IBsnFacility"/> (Jeugdwet art. 7.1.4.2): the facility attaches the BSN, the index registers and matches on
/// it, and the reporter's answer carries no BSN. When the facility finds no single person and a
/// <see cref="SubstituteNumberRegister"/> is given, the youth is signalled under a substitute number instead.
/// </summary>
/// <remarks>Thread-safe when the index, the facility and the register are.</remarks>
public sealed class FacilitatedSignalDesk
{
    private readonly ReferenceIndex _index;
    private readonly IBsnFacility _facility;
    private readonly SubstituteNumberRegister? _substitutes;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="index">The reference index.</param>
    /// <param name="facility">The host's BSN facility.</param>
    /// <param name="substitutes">Issues substitute numbers when the facility finds no BSN; <see langword="null"/> to refuse such signals instead.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="index"/> or <paramref name="facility"/> is <see langword="null"/>.</exception>
    public FacilitatedSignalDesk(ReferenceIndex index, IBsnFacility facility, SubstituteNumberRegister? substitutes = null)
    {
        _index = Guard.NotNull(index);
        _facility = Guard.NotNull(facility);
        _substitutes = substitutes;
    }

    /// <summary>Has the facility attach the BSN and registers the signal, completing once it is durable without holding a thread meanwhile; the answer never holds a youth's number.</summary>
    /// <param name="signal">The signal with the youth's identifying details.</param>
    /// <param name="cancellationToken">Cancels the facility's lookup, or the registration until it is queued for its commit; nothing is registered then.</param>
    /// <returns>What happened, for the reporter.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="signal"/> is <see langword="null"/>.</exception>
    public async ValueTask<FacilitatedAnswer> SubmitAsync(FacilitatedSignal signal, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(signal);
        var details = signal.Youth;
        var found = await _facility.FindAsync(details, cancellationToken).ConfigureAwait(false);
        RegistrationResult result;
        if (found is { IsDefault: false, IsSubstituteNumber: false } bsn)
        {
            result = await _index.RegisterAsync(new SignalRegistration(new Youth(bsn, details.DateOfBirth), signal.Organisation, signal.Reporter, signal.Criterion), cancellationToken).ConfigureAwait(false);
        }
        else if (_substitutes is { } substitutes)
        {
            // Issued inside the registration's operation: a registration that fails leaves no number issued for it.
            result = await _index.RegisterAsync(
                () => new SignalRegistration(Youth.WithoutBsn(substitutes.Issue(details.FamilyName, details.DateOfBirth, details.Sex), details.DateOfBirth), signal.Organisation, signal.Reporter, signal.Criterion),
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return new FacilitatedAnswer(RegistrationOutcome.Refused, RegistrationRefusal.InvalidRegistration, IdentityMessages.FacilityFoundNoBsn, false, default, default, []);
        }

        var identified = found is { IsDefault: false, IsSubstituteNumber: false };
        return result.IsRefused
            ? new FacilitatedAnswer(result.Outcome, result.Refusal, result.Message, identified, default, default, [])
            : new FacilitatedAnswer(
                result.Outcome,
                RegistrationRefusal.None,
                result.Message,
                identified,
                result.Signal.Id,
                result.Signal.ExpiresOn,
                [.. result.Matches.Select(m => new FacilitatedMatch(m.Kind, m.OtherOrganisation, m.OtherReporter, m.MatchCoordinator, m.ConcernsAnotherYouth))]);
    }
}
