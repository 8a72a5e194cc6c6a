using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;

namespace CareCoordination.Sdk.Signals;

/// <summary>
/// Who may signal (domain rule 2): a named, designated professional of an organisation in the region's directory whose
/// kind the region lets signal, with written agreements with the municipality, about a person who is born and not yet
/// at the age limit. It also works out the signal's end date: the active period, or the day the youth reaches the age
/// limit when that comes first.
/// </summary>
/// <remarks>Immutable; thread-safe as far as the directory is. Allocates nothing on the accepted path.</remarks>
internal sealed class ReporterAuthorisation(RegionPolicy policy, OrganisationDirectory directory)
{
    private readonly RegionPolicy _policy = policy;
    private readonly OrganisationDirectory _directory = directory;

    /// <summary>
    /// Checks a registration against the region's rules, and works out until when the signal will be active, the day
    /// number of the youth's age limit (worked out once per registration: it is calendar arithmetic) and which rank its
    /// organisation has as match coordinator.
    /// </summary>
    public bool TryAuthorise(in SignalRegistration registration, CalendarDay today, out RegistrationRefusal refusal, out string? message, out int expiresOn, out SignalExpiry expiry, out int ageLimitDay, out int coordinatorRank)
    {
        expiresOn = default;
        expiry = default;
        ageLimitDay = default;

        // The directory's facts answer every registration it accepts; the organisation and the professional themselves
        // are read only to word a refusal, or when the directory changed between the two reads.
        if (!IsAuthorisedByFacts(registration, out coordinatorRank) && !TryAuthoriseReporter(registration, out refusal, out message, out coordinatorRank))
        {
            return false;
        }

        var dateOfBirth = registration.Youth.DateOfBirth;
        if (dateOfBirth > today.Date)
        {
            return Refuse(RegistrationRefusal.NotYetBorn, SignalMessages.NotYetBorn, out refusal, out message);
        }

        // A birth date so early that the age limit falls before year 1 is over the limit; the calendar cannot count it.
        if (dateOfBirth.Year + _policy.AgeLimitInYears < 1)
        {
            return Refuse(RegistrationRefusal.OverAgeLimit, Messages.Format(SignalMessages.OverAgeLimit, _policy.AgeLimitInYears), out refusal, out message);
        }

        ageLimitDay = LocalCalendar.DayNumberYearsLater(dateOfBirth, _policy.AgeLimitInYears);
        if (ageLimitDay <= today.DayNumber)
        {
            return Refuse(RegistrationRefusal.OverAgeLimit, Messages.Format(SignalMessages.OverAgeLimit, _policy.AgeLimitInYears), out refusal, out message);
        }

        (expiresOn, expiry) = today.ActiveEndDayNumber < ageLimitDay
            ? (today.ActiveEndDayNumber, SignalExpiry.ActivePeriodEnds)
            : (ageLimitDay, SignalExpiry.AgeLimitReached);
        refusal = RegistrationRefusal.None;
        message = null;
        return true;
    }

    private bool IsAuthorisedByFacts(in SignalRegistration registration, out int coordinatorRank)
    {
        if (_directory.TryGetFacts(registration.Organisation, out var organisation) && _policy.MayReport(organisation.Kind) && organisation.HasMunicipalAgreement
            && _directory.TryGetFacts(registration.Reporter, out var reporter) && reporter.Organisation == registration.Organisation.Value && reporter.IsDesignatedReporter)
        {
            coordinatorRank = _policy.CoordinatorRank(organisation.Kind);
            return true;
        }

        coordinatorRank = int.MaxValue;
        return false;
    }

    private bool TryAuthoriseReporter(in SignalRegistration registration, out RegistrationRefusal refusal, out string? message, out int coordinatorRank)
    {
        coordinatorRank = int.MaxValue;
        if (!_directory.TryGetOrganisation(registration.Organisation, out var organisation))
        {
            return Refuse(RegistrationRefusal.UnknownOrganisation, Messages.Format(SignalMessages.UnknownOrganisation, registration.Organisation), out refusal, out message);
        }

        if (!_policy.MayReport(organisation.Kind))
        {
            var through = _policy.DelegateFor(organisation.Kind);
            return Refuse(
                RegistrationRefusal.OrganisationNotAuthorised,
                through is { } kind
                    ? Messages.Format(SignalMessages.OrganisationNotAuthorisedSignalsThrough, organisation.Name, OrganisationKindNames.Of(organisation.Kind), OrganisationKindNames.Of(kind))
                    : Messages.Format(SignalMessages.OrganisationNotAuthorised, organisation.Name, OrganisationKindNames.Of(organisation.Kind)),
                out refusal,
                out message);
        }

        if (!organisation.HasMunicipalAgreement)
        {
            return Refuse(RegistrationRefusal.NoMunicipalAgreement, Messages.Format(SignalMessages.NoMunicipalAgreement, organisation.Name), out refusal, out message);
        }

        if (!_directory.TryGetProfessional(registration.Reporter, out var reporter) || reporter.Organisation != organisation.Id)
        {
            return Refuse(RegistrationRefusal.UnknownReporter, Messages.Format(SignalMessages.UnknownReporter, registration.Reporter, organisation.Name), out refusal, out message);
        }

        if (!reporter.IsDesignatedReporter)
        {
            return Refuse(RegistrationRefusal.ReporterNotDesignated, Messages.Format(SignalMessages.ReporterNotDesignated, organisation.Name, reporter.Name), out refusal, out message);
        }

        coordinatorRank = _policy.CoordinatorRank(organisation.Kind);
        refusal = RegistrationRefusal.None;
        message = null;
        return true;
    }

    private static bool Refuse(RegistrationRefusal reason, string text, out RegistrationRefusal refusal, out string? message)
    {
        refusal = reason;
        message = text;
        return false;
    }
}
