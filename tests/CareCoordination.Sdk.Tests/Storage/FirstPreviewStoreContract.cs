using System;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// A store written by the SDK as it was before one change set per operation (commit fc4fa57, schema version 3, persons in
/// streams keyed by BSN): the QuickStart story run once on it. Every store package keeps such a file or dump as a fixture
/// and opens it with today's SDK, so an upgrade that cannot read what a vendor's region already holds fails here first.
/// </summary>
public abstract class FirstPreviewStoreContract
{
    // The QuickStart run that wrote the fixtures started at 2026-12-04 12:34 UTC; its signals run until 2027.
    private static readonly Instant WrittenAt = Instant.FromUtc(2026, 12, 4, 13, 0);

    private static readonly Bsn Sam = Bsn.Parse("111222333");

    /// <summary>Opens the fixture as the store package opens a store a host names; each call opens the same copy again.</summary>
    protected abstract ISignalStore OpenFixture();

    [Fact]
    public void A_store_of_the_first_preview_opens_with_its_signals_cases_and_audit_trail()
    {
        var store = OpenFixture();
        try
        {
            using var sdk = Build(store, new FakeClock(WrittenAt));
            Assert.Equal(3, sdk.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
            var overview = sdk.GetRequiredService<CoordinationDesk>().GetOverview();
            Assert.Equal(1, overview.CasesHandedOver);
            var trail = sdk.GetRequiredService<AuditTrail>().Verify();
            Assert.True(trail.IsIntact, trail.Reason);
            Assert.Equal(8, trail.Records);
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    [Fact]
    public void A_store_of_the_first_preview_takes_new_registrations_after_its_own_and_keeps_them()
    {
        var clock = new FakeClock(WrittenAt);
        var store = OpenFixture();
        try
        {
            using (var sdk = Build(store, clock))
            {
                var index = sdk.GetRequiredService<ReferenceIndex>();
                var renewed = index.Register(new SignalRegistration(new Youth(Sam, new LocalDate(2017, 4, 12)), TestRegion.YouthHealthCare, TestRegion.ReporterOf(TestRegion.YouthHealthCare), ReportingCriterion.SeriousUpbringingProblems));
                Assert.Equal(RegistrationOutcome.Renewed, renewed.Outcome);
                Assert.Equal(new SignalId(1), renewed.Signal.Id);

                var newcomer = new Youth(TestBsns.Generate(1, seed: 4242)[0], new LocalDate(2015, 1, 1));
                var registered = index.Register(new SignalRegistration(newcomer, TestRegion.SocialWork, TestRegion.ReporterOf(TestRegion.SocialWork), ReportingCriterion.FinancialProblems));
                Assert.Equal(RegistrationOutcome.Registered, registered.Outcome);
                Assert.Equal(new SignalId(4), registered.Signal.Id);
            }

            ((IDisposable)store).Dispose();
            store = OpenFixture();
            using var reopened = Build(store, clock);
            Assert.Equal(4, reopened.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
            Assert.True(reopened.GetRequiredService<AuditTrail>().Verify().IsIntact);
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    // The QuickStart that wrote the fixtures signals in the narrow scope.
    private static ServiceProvider Build(ISignalStore store, IClock clock) => HostedSdk.Build(store, clock, scope: ReportingScope.Narrow);
}
