using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Testing;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Privacy;

/// <summary>
/// The municipality's population register feed of a test that has only a reference index (the store tests): it changes
/// families and records deaths through <see cref="PersonDataAccess"/>, as a vendor must, with an in-memory audit trail.
/// Public, so that the store test projects that reference this one use it too.
/// </summary>
public static class PopulationRegisterFeed
{
    /// <summary>The feed, as the municipality's system acts.</summary>
    public static readonly Actor Actor = new("brp-feed-of-the-municipality", ActorRole.PopulationRegisterFeed, TestRegion.YouthAndFamilyCentre, null, "brp-koppeling of the test");

    /// <summary>A door to the index with a desk, consents and an audit trail of its own, in memory.</summary>
    /// <param name="index">The index.</param>
    /// <param name="clock">The clock of the audit records, or the system clock.</param>
    /// <returns>The door.</returns>
    public static PersonDataAccess DoorTo(ReferenceIndex index, IClock? clock = null)
    {
        clock ??= SystemClock.Instance;
        var zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var desk = new CoordinationDesk(CoordinationPolicy.Default, new SocialMap(), clock);
        var consents = new ConsentRegister(ConsentPolicy.Default, zone, clock);
        return new PersonDataAccess(
            new AccessRules(index, desk, consents),
            new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock),
            index,
            desk,
            new PlanBook(desk, PlanPolicy.Default, zone, clock),
            consents,
            new InformationObligations(ConsentPolicy.Default, zone, clock),
            new SubjectRequestBook(clock),
            clock);
    }

    /// <summary>Records or replaces a family as the feed, through the door.</summary>
    /// <param name="index">The index.</param>
    /// <param name="family">The family.</param>
    public static void AddOrReplaceFamilyAsFeed(this ReferenceIndex index, Family family) => DoorTo(index).AddOrReplaceFamily(Actor, family);

    /// <summary>Records a youth's death as the feed, through the door.</summary>
    /// <param name="index">The index.</param>
    /// <param name="youth">The youth.</param>
    /// <returns>How many signals were removed.</returns>
    public static int RecordDeathAsFeed(this ReferenceIndex index, Bsn youth) => DoorTo(index).RecordDeath(Actor, youth);
}
