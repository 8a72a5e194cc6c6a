using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class FamilyEndpointsTests
{
    private const string Carer = "234567806";

    [Fact]
    public async Task A_family_from_the_brp_feed_makes_the_signals_on_two_siblings_a_family_match_and_every_member_is_audited()
    {
        using var service = new ServiceFactory();
        var feed = service.ClientAs(Role.PopulationRegisterFeed);

        var recorded = await feed.PutAsync("/v1/families/7", $$"""{"youths":["{{Http.Sam}}","{{Http.Sara}}"],"carers":["{{Carer}}"]}""");
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sam))).JsonAsync();
        var sara = await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();

        Assert.Equal(204, (int)recorded.StatusCode);
        Assert.Equal(1, sara.GetProperty("matchCount").GetInt32());
        var audited = service.Store.Audit.Records.Where(r => r.Role == ActorRole.PopulationRegisterFeed).ToList();
        Assert.Equal(3, audited.Count);
        Assert.All(audited, r => Assert.Equal("family-7 recorded from the population register", r.Detail));
        Assert.All(audited, r => Assert.StartsWith("brp-koppeling@", r.System, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replacing_a_family_leaves_no_earlier_member_behind_and_a_bad_family_changes_nothing()
    {
        using var service = new ServiceFactory();
        var feed = service.ClientAs(Role.PopulationRegisterFeed);
        await feed.PutAsync("/v1/families/7", $$"""{"youths":["{{Http.Sam}}","{{Http.Sara}}"],"carers":[]}""");
        var audited = service.Store.Audit.Records.Count;

        var twice = await feed.PutAsync("/v1/families/7", $$"""{"youths":["{{Http.Sam}}","{{Http.Sam}}"],"carers":[]}""");
        var empty = await feed.PutAsync("/v1/families/7", """{"youths":[],"carers":[]}""");
        var tooMany = await feed.PutAsync("/v1/families/7", $$"""{"youths":[{{string.Join(",", Enumerable.Repeat($"\"{Http.Sam}\"", 21))}}],"carers":[]}""");
        Assert.Equal(audited, service.Store.Audit.Records.Count);
        await (await feed.PutAsync("/v1/families/7", $$"""{"youths":["{{Http.Sam}}"],"carers":[]}""")).Content.ReadAsStringAsync();
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sam))).JsonAsync();
        var sara = await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();

        await twice.ProblemAsync(400);
        await empty.ProblemAsync(400);
        await tooMany.ProblemAsync(400);
        Assert.Equal(0, sara.GetProperty("matchCount").GetInt32());
        Assert.Equal(2, service.Services.GetRequiredService<ReferenceIndex>().ActiveSignalCount);
    }

    [Fact]
    public async Task Two_households_the_feed_records_at_one_address_make_an_address_match_and_a_bad_postcode_changes_nothing()
    {
        using var service = new ServiceFactory();
        var feed = service.ClientAs(Role.PopulationRegisterFeed);
        await feed.PutAsync("/v1/families/7", $$$"""{"youths":["{{{Http.Sam}}}"],"carers":[],"address":{"postcode":"1234 ab","houseNumber":12,"addition":"a"}}""");
        var audited = service.Store.Audit.Records.Count;

        var badPostcode = await feed.PutAsync("/v1/families/8", $$$"""{"youths":["{{{Http.Sara}}}"],"carers":[],"address":{"postcode":"12AB","houseNumber":12}}""");
        Assert.Equal(audited, service.Store.Audit.Records.Count);
        var recorded = await feed.PutAsync("/v1/families/8", $$$"""{"youths":["{{{Http.Sara}}}"],"carers":[],"address":{"postcode":"1234AB","houseNumber":12,"addition":" A "}}""");
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sam))).JsonAsync();
        var sara = await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();

        await badPostcode.ProblemAsync(400);
        Assert.Equal(204, (int)recorded.StatusCode);
        // Sam and Sara share no family and no parent: only their address can match them.
        Assert.Equal(1, sara.GetProperty("matchCount").GetInt32());
    }

    [Fact]
    public async Task A_family_recorded_with_its_municipality_tells_a_move_to_another_municipality_and_a_code_outside_the_cbs_range_or_without_an_address_changes_nothing()
    {
        using var service = new ServiceFactory();
        var feed = service.ClientAs(Role.PopulationRegisterFeed);
        var audited = service.Store.Audit.Records.Count;

        var badCode = await feed.PutAsync("/v1/families/7", $$$"""{"youths":["{{{Http.Sam}}}"],"carers":[],"address":{"postcode":"3511AB","houseNumber":1,"addition":null},"municipality":10000}""");
        var noAddress = await feed.PutAsync("/v1/families/7", $$$"""{"youths":["{{{Http.Sam}}}"],"carers":[],"municipality":344}""");
        Assert.Equal(audited, service.Store.Audit.Records.Count);
        var recorded = await feed.PutAsync("/v1/families/7", $$$"""{"youths":["{{{Http.Sam}}}"],"carers":[],"address":{"postcode":"3511AB","houseNumber":1,"addition":null},"municipality":344}""");

        await badCode.ProblemAsync(400);
        await noAddress.ProblemAsync(400);
        Assert.True(204 == (int)recorded.StatusCode, await recorded.Content.ReadAsStringAsync());
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        var moved = await feed.PutAsync("/v1/families/7", $$$"""{"youths":["{{{Http.Sam}}}"],"carers":[],"address":{"postcode":"3701AB","houseNumber":2,"addition":null},"municipality":355}""");
        Assert.True(204 == (int)moved.StatusCode, await moved.Content.ReadAsStringAsync());
        var notice = Assert.Single(service.Services.GetRequiredService<Notifications.MoveNotices>().Read(Testing.TestRegion.School));
        Assert.Equal((344, 355), (notice.FromMunicipality?.Value, notice.ToMunicipality?.Value));
    }
}
