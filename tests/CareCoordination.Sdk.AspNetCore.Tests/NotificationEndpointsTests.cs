using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class NotificationEndpointsTests
{
    [Fact]
    public async Task A_match_reaches_the_feed_of_the_organisation_that_signalled_first_with_a_stable_id_and_a_cursor_to_read_on_from()
    {
        using var service = new ServiceFactory();
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        var page = await (await school.GetAsync("/v1/notifications?after=0&limit=10")).JsonAsync();
        var again = await (await school.GetAsync("/v1/notifications?after=0&limit=10")).JsonAsync();
        var next = await (await school.GetAsync($"/v1/notifications?after={page.GetProperty("cursor").GetInt64()}")).JsonAsync();

        var entry = page.GetProperty("notifications").EnumerateArray().First();
        Assert.Equal("4-1", entry.GetProperty("id").GetString());
        Assert.Equal("Reporter", entry.GetProperty("notification").GetProperty("role").GetString());
        Assert.Equal(TestRegion.SocialWork.Value, entry.GetProperty("notification").GetProperty("otherParties")[0].GetProperty("organisation").GetInt32());
        Assert.Equal(page.GetProperty("notifications").GetRawText(), again.GetProperty("notifications").GetRawText());
        Assert.Empty(next.GetProperty("notifications").EnumerateArray());
        Assert.DoesNotContain(Http.Sam[^4..], page.GetRawText(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_poll_on_an_empty_feed_answers_with_the_notification_of_a_match_found_while_it_waits()
    {
        using var service = new ServiceFactory();
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        var waiting = school.GetAsync("/v1/notifications?after=0&wait=30");
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        Assert.NotEmpty((await (await waiting).JsonAsync()).GetProperty("notifications").EnumerateArray());
    }

    [Fact]
    public async Task Each_organisation_reads_only_its_own_feed()
    {
        using var service = new ServiceFactory();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
        await (await service.ClientAs(Role.MatchCoordinator).PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).ProblemAsync(403);
        var youthHealthCare = service.ClientAs(new Role("reporter of youth health care", [.. Role.MatchCoordinator.Claims!.Select(c => c.Type == CareCoordinationClaims.Role ? (c.Type, CareCoordinationClaims.Reporter) : c)]));
        await (await youthHealthCare.PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();

        var other = await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).GetAsync("/v1/notifications")).JsonAsync();

        Assert.Empty(other.GetProperty("notifications").EnumerateArray());
        Assert.NotEmpty((await (await service.ClientAs(Role.ReporterOfTheOrganisation).GetAsync("/v1/notifications")).JsonAsync()).GetProperty("notifications").EnumerateArray());
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("wait=31")]
    [InlineData("after=abc")]
    public async Task A_read_of_the_feed_with_a_cursor_limit_or_wait_out_of_range_is_a_bad_request(string query)
    {
        using var service = new ServiceFactory();

        await (await service.ClientAs(Role.ReporterOfTheOrganisation).GetAsync("/v1/notifications?" + query)).ProblemAsync(400);
    }
}
