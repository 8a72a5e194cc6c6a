using System;
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

        var reporterRefusal = CheckReporter(registration, out coordinatorRank);
        if (reporterRefusal != RegistrationRefusal.None)
        {
            return Refuse(reporterRefusal, ReporterRefusalText(reporterRefusal, registration), out refusal, out message);
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

    // Decided on the directory's facts alone: one entry per lookup on every registration, not a dictionary and an object.
    private RegistrationRefusal CheckReporter(in SignalRegistration registration, out int coordinatorRank)
    {
        coordinatorRank = int.MaxValue;
        if (!_directory.TryGetFacts(registration.Organisation, out var organisation))
        {
            return RegistrationRefusal.UnknownOrganisation;
        }

        if (!_policy.MayReport(organisation.Kind))
        {
            return RegistrationRefusal.OrganisationNotAuthorised;
        }

        if (!organisation.HasMunicipalAgreement)
        {
            return RegistrationRefusal.NoMunicipalAgreement;
        }

        if (!_directory.TryGetFacts(registration.Reporter, out var reporter) || reporter.Organisation != registration.Organisation.Value)
        {
            return RegistrationRefusal.UnknownReporter;
        }

        if (!reporter.IsDesignatedReporter)
        {
            return RegistrationRefusal.ReporterNotDesignated;
        }

        coordinatorRank = _policy.CoordinatorRank(organisation.Kind);
        return RegistrationRefusal.None;
    }

    // The directory never forgets an organisation or a professional, so the ones whose facts decided are there to name.
    private string ReporterRefusalText(RegistrationRefusal refusal, in SignalRegistration registration)
    {
        if (refusal == RegistrationRefusal.UnknownOrganisation)
        {
            return Messages.Format(SignalMessages.UnknownOrganisation, registration.Organisation);
        }

        var organisation = _directory.GetOrganisation(registration.Organisation);
        return refusal switch
        {
            RegistrationRefusal.OrganisationNotAuthorised => _policy.DelegateFor(organisation.Kind) is { } through
                ? Messages.Format(SignalMessages.OrganisationNotAuthorisedSignalsThrough, organisation.Name, OrganisationKindNames.Of(organisation.Kind), OrganisationKindNames.Of(through))
                : Messages.Format(SignalMessages.OrganisationNotAuthorised, organisation.Name, OrganisationKindNames.Of(organisation.Kind)),
            RegistrationRefusal.NoMunicipalAgreement => Messages.Format(SignalMessages.NoMunicipalAgreement, organisation.Name),
            RegistrationRefusal.UnknownReporter => Messages.Format(SignalMessages.UnknownReporter, registration.Reporter, organisation.Name),
            RegistrationRefusal.ReporterNotDesignated => Messages.Format(SignalMessages.ReporterNotDesignated, organisation.Name, _directory.GetProfessional(registration.Reporter).Name),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "Not a refusal of the reporter rule: CheckReporter and its texts name the same refusals."),
        };
    }

    private static bool Refuse(RegistrationRefusal reason, string text, out RegistrationRefusal refusal, out string? message)
    {
        refusal = reason;
        message = text;
        return false;
    }
}
