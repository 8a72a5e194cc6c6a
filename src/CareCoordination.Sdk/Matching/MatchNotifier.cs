using System.Collections.Generic;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// Turns a match into the notifications the law requires: each reporter learns who the other party is, each
/// organisation coordinator gets a copy, and the match coordinator learns both parties.
/// </summary>
/// <remarks>Thread-safe; reads the directory as it is when called.</remarks>
public sealed class MatchNotifier
{
    private readonly OrganisationDirectory _directory;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="directory">The directory that knows the parties' contact details.</param>
    public MatchNotifier(OrganisationDirectory directory) => _directory = Guard.NotNull(directory);

    /// <summary>Creates the notifications for a match.</summary>
    /// <param name="match">The match.</param>
    /// <returns>The notifications: one per reporter, one per organisation coordinator, and one for the match coordinator.</returns>
    /// <exception cref="System.ArgumentException">The match is <c>default</c>.</exception>
    /// <exception cref="NotFoundException">A party is no longer in the directory.</exception>
    public IReadOnlyList<MatchNotification> CreateNotifications(in Match match)
    {
        if (match.IsDefault)
        {
            throw new System.ArgumentException("The match is empty.", nameof(match));
        }

        var first = PartyOf(match.Organisation, match.Reporter);
        var second = PartyOf(match.OtherOrganisation, match.OtherReporter);
        var result = new List<MatchNotification>(6);
        AddFor(result, match, match.Signal, match.Organisation, match.Reporter, second);
        AddFor(result, match, match.OtherSignal, match.OtherOrganisation, match.OtherReporter, first);

        var coordinator = _directory.GetOrganisation(match.MatchCoordinator);
        result.Add(new MatchNotification(match.Signal, coordinator.Id, null, coordinator.Contact, NotificationRecipientRole.MatchCoordinator, match.Kind, [first, second], match.MatchCoordinator));
        return result;
    }

    private void AddFor(List<MatchNotification> result, in Match match, Signals.SignalId signal, OrganisationId organisationId, ProfessionalId reporterId, MatchParty other)
    {
        var reporter = _directory.GetProfessional(reporterId);
        result.Add(new MatchNotification(signal, organisationId, reporterId, reporter.Contact, NotificationRecipientRole.Reporter, match.Kind, [other], match.MatchCoordinator));
        var organisation = _directory.GetOrganisation(organisationId);
        if (organisation.OrganisationCoordinator is { } coordinatorId && coordinatorId != reporterId)
        {
            var coordinator = _directory.GetProfessional(coordinatorId);
            result.Add(new MatchNotification(signal, organisationId, coordinatorId, coordinator.Contact, NotificationRecipientRole.OrganisationCoordinator, match.Kind, [other], match.MatchCoordinator));
        }
    }

    private MatchParty PartyOf(OrganisationId organisationId, ProfessionalId reporterId)
    {
        var organisation = _directory.GetOrganisation(organisationId);
        var reporter = _directory.GetProfessional(reporterId);
        return new MatchParty(organisation.Id, organisation.Name, reporter.Name, reporter.Contact);
    }
}
