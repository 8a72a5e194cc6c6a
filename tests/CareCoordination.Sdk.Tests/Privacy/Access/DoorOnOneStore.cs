using System.IO;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using CareCoordination.Sdk.Tests.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

/// <summary>
/// <see cref="PersonDataAccess"/> with the index, the desk, the consents and the audit trail on one store that commits
/// change sets (<see cref="ScriptedStore"/>), so that a test sees which commit a change and its audit records went into,
/// and can make that commit fail.
/// </summary>
internal sealed class DoorOnOneStore
{
    public DoorOnOneStore()
    {
        Zone = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        Clock = new FakeClock(IndexScenario.Start);
        Store = new ScriptedStore();
        Desk = new CoordinationDesk(CoordinationPolicy.Default, new SocialMap(), Clock, Store);
        Index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), Clock, Store, [new ReferenceIndexIntake(Desk)]);
        Consents = new ConsentRegister(ConsentPolicy.Default, Zone, Clock, Store);
        Audit = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, Clock, Store, new TextWriterAuditCheckpointSink(new StringWriter()));
        Access = new PersonDataAccess(new AccessRules(Index, Desk, Consents), Audit, Index, Desk, new PlanBook(Desk, PlanPolicy.Default, Zone, Clock), Consents, new InformationObligations(ConsentPolicy.Default, Zone, Clock), new SubjectRequestBook(Clock), Clock);
    }

    public DateTimeZone Zone { get; }

    public FakeClock Clock { get; }

    public ScriptedStore Store { get; }

    public CoordinationDesk Desk { get; }

    public ReferenceIndex Index { get; }

    public ConsentRegister Consents { get; }

    public AuditTrail Audit { get; }

    public PersonDataAccess Access { get; }
}
