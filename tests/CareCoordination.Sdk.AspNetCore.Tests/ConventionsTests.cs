using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class ConventionsTests
{
    [Fact]
    public async Task An_organisation_over_its_rate_limit_gets_429_problem_json_while_another_organisation_goes_on()
    {
        using var service = new ServiceFactory(permitsPerMinute: 3);
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        for (var i = 0; i < 3; i++)
        {
            await (await school.GetAsync("/v1/notifications")).JsonAsync();
        }

        await (await school.GetAsync("/v1/notifications")).ProblemAsync(429);
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).GetAsync("/v1/notifications")).JsonAsync();
    }

    [Fact]
    public async Task Every_answer_carries_the_api_version_and_the_security_headers_and_unknown_paths_and_methods_are_problems()
    {
        using var service = new ServiceFactory();
        var client = service.ClientAs(Role.ReporterOfTheOrganisation);

        var ok = await client.GetAsync("/v1/notifications");
        await (await client.GetAsync("/v1/no-such-resource")).ProblemAsync(404);
        await (await client.DeleteAsync("/v1/signals")).ProblemAsync(405);
        await (await service.ClientAs(new Role("wrong key", Role.ReporterOfTheOrganisation.Claims)).SendAsync(WithToken(ServiceFactory.Token(Role.ReporterOfTheOrganisation.Claims!, key: new byte[48])))).ProblemAsync(401);
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).SendAsync(WithToken(ServiceFactory.Token(Role.ReporterOfTheOrganisation.Claims!, audience: "another-api")))).ProblemAsync(401);

        Assert.Equal(CareCoordinationApi.Version, ok.Headers.GetValues(CareCoordinationApi.VersionHeader).Single());
        Assert.Equal("no-store", ok.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", ok.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", ok.Headers.GetValues("X-Frame-Options").Single());
    }

    private static HttpRequestMessage WithToken(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/notifications");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
