using System.Collections.Generic;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using NodaTime;

namespace CareCoordination.Sdk.Serialization;

/// <summary>The stored event that a consent was given; erased with its stream when the youth's data must go.</summary>
internal sealed record ConsentGiven(int Id, Bsn Youth, ConsentPurpose Purpose, IReadOnlyList<OrganisationId> Recipients, ConsentGiver GivenBy, Instant Start, Instant? End)
{
    public static ConsentGiven Of(Consent consent) =>
        new(consent.Id, consent.Youth, consent.Purpose, consent.Recipients, consent.GivenBy, consent.Start, consent.End);

    public Consent ToConsent() => new(Id, Youth, Purpose, Recipients, GivenBy, Start, End, null);
}
