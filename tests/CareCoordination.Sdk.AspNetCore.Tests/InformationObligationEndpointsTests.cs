using System.Threading.Tasks;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class InformationObligationEndpointsTests
{
    [Fact]
    public async Task The_reporting_organisation_records_that_it_informed_the_parents_and_another_organisation_is_refused_by_rule_R1()
    {
        using var service = new ServiceFactory();
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        var signal = (await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync()).GetProperty("signal").GetProperty("id").GetInt64();

        var refused = await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync($"/v1/signals/{signal}/informing-records", """{"informed":"Parents"}""");
        var informed = await (await school.PostAsync($"/v1/signals/{signal}/informing-records", """{"informed":"Parents"}""")).JsonAsync();

        Assert.StartsWith("R1", (await refused.ProblemAsync(403)).GetProperty("rule").GetString(), System.StringComparison.Ordinal);
        Assert.Equal("Parents", informed.GetProperty("mustInform").GetString());
        Assert.Equal("Parents", informed.GetProperty("informed").GetString());
        Assert.DoesNotContain(Http.Sam, informed.GetRawText(), System.StringComparison.Ordinal);
        Assert.Contains(service.Store.Audit.Records, r => r.Detail.Contains("informed", System.StringComparison.Ordinal) && r.System.StartsWith("vendor-client-", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reporting_organisation_records_why_informing_waits_and_a_blank_reason_or_an_unknown_signal_changes_nothing()
    {
        using var service = new ServiceFactory();
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        var signal = (await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync()).GetProperty("signal").GetProperty("id").GetInt64();

        var blank = await school.PostAsync($"/v1/signals/{signal}/informing-postponements", """{"reason":" "}""");
        var unknown = await school.PostAsync("/v1/signals/99/informing-postponements", """{"reason":"informing now would endanger the child"}""");
        var postponed = await (await school.PostAsync($"/v1/signals/{signal}/informing-postponements", """{"reason":"informing now would endanger the child"}""")).JsonAsync();

        await blank.ProblemAsync(400);
        await unknown.ProblemAsync(404);
        Assert.Equal("informing now would endanger the child", postponed.GetProperty("postponedBecause").GetString());
        Assert.Equal("None", postponed.GetProperty("informed").GetString());
    }
}
