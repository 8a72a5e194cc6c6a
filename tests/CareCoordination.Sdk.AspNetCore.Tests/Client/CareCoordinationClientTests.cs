using System;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.Client;

public sealed class CareCoordinationClientTests
{
    private static readonly Youth Sam = new(TestBsns.First, new LocalDate(2017, 4, 12));

    [Fact]
    public async Task A_vendor_registers_through_the_client_and_a_retry_with_the_same_key_gets_the_first_receipt()
    {
        using var service = new ServiceFactory();
        using var provider = ClientOf(service, Role.ReporterOfTheOrganisation);
        var client = provider.GetRequiredService<CareCoordinationClient>();

        var first = await client.RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.SchoolAbsenceOrDropout), "outbox-17");
        var retry = await client.RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.SchoolAbsenceOrDropout), "outbox-17");

        Assert.Equal(RegistrationOutcome.Registered, first.Outcome);
        Assert.Equal(first, retry);
        Assert.Equal(TestRegion.School, first.Organisation);
        Assert.Equal(ServiceFactory.Start, first.RegisteredAt);
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task The_client_reads_the_feed_after_its_cursor_registers_batches_and_withdraws()
    {
        using var service = new ServiceFactory();
        using var school = ClientOf(service, Role.ReporterOfTheOrganisation);
        using var socialWork = ClientOf(service, Role.ReporterOfAnotherOrganisation);
        var client = school.GetRequiredService<CareCoordinationClient>();
        await client.RegisterBatchAsync([new SignalToRegister(Sam, ReportingCriterion.SchoolAbsenceOrDropout)], "batch-1");
        await socialWork.GetRequiredService<CareCoordinationClient>().RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.FinancialProblems), "sw-1");

        var page = await client.ReadNotificationsAsync(0, 100, TimeSpan.Zero);
        var rest = await client.ReadNotificationsAsync(page.Cursor, 100, TimeSpan.Zero);
        await client.WithdrawAsync(Sam.Bsn, WithdrawalReason.RiskGone);

        var notification = Assert.Single(page.Notifications, n => n.Role == Matching.NotificationRecipientRole.Reporter);
        Assert.Equal(TestRegion.SocialWork, notification.OtherParties.Single().Organisation);
        Assert.Empty(rest.Notifications);
        Assert.Equal(1, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task A_refusal_reaches_the_vendor_as_an_exception_with_the_status_detail_and_rule()
    {
        using var service = new ServiceFactory();
        using var provider = ClientOf(service, Role.Auditor);

        var refused = await Assert.ThrowsAsync<CareCoordinationApiException>(() => provider.GetRequiredService<CareCoordinationClient>().RegisterAsync(new SignalToRegister(Sam, ReportingCriterion.Crime), "k"));

        Assert.Equal((403, "S1 registering"), (refused.Status, refused.Rule));
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider ClientOf(ServiceFactory service, Role role)
    {
        var services = new ServiceCollection();
        services.AddCareCoordinationClient(o =>
        {
            o.BaseAddress = service.Server.BaseAddress;
            o.AccessToken = _ => ValueTask.FromResult(ServiceFactory.Token(role.Claims!));
        }).ConfigurePrimaryHttpMessageHandler(() => service.Server.CreateHandler());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
