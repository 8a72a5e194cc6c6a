using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Families from the municipality's population register feed (<em>BRP</em>): a family is one household's youths and
/// the parents or carers they share, under the feed's own family number. The reference index matches across its
/// youths, and the coordination desk finds the family's case. Every member gets an audit record.
/// </summary>
internal static class FamilyEndpoints
{
    /// <summary>The most youths one family holds in a request.</summary>
    public const int MaxYouths = 20;

    /// <summary>The most parents or carers one family holds in a request.</summary>
    public const int MaxCarers = 10;

    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPut("/families/{familyId:int}", Replace)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.PopulationRegisterFeed))
            .WithName("recordFamily")
            .WithSummary("Records a family (a household's youths and their parents or carers) as the population register knows it, or replaces the family with the same number (S6: the municipality's BRP feed).");

    private static async Task<NoContent> Replace(int familyId, FamilyRequest request, HttpContext context, PersonDataAccess access)
    {
        if (familyId < 1)
        {
            throw new ArgumentException("A family's number is 1 or more.");
        }

        if (request.Youths.Count is 0 or > MaxYouths || request.Carers.Count > MaxCarers || request.Youths.Concat(request.Carers).Any(p => p.IsDefault))
        {
            throw new ArgumentException($"A family holds 1 to {MaxYouths} youths and at most {MaxCarers} parents or carers, each by a valid BSN.");
        }

        // The address is optional: a feed that does not send it records the family without address matches.
        var address = request.Address is { } given ? AddressKey.Create(given.Postcode ?? string.Empty, given.HouseNumber, given.Addition) : (AddressKey?)null;
        // The municipality of the address lets the index tell a move to another municipality from one within it.
        if (request.Municipality is < 1 or > 9999)
        {
            throw new ArgumentException("A municipality is its CBS code, 1 to 9999.");
        }

        if (request.Municipality is not null && address is null)
        {
            throw new ArgumentException("A municipality belongs to an address: send the address too.");
        }

        var municipality = request.Municipality is { } code ? MunicipalityCode.FromNumber(code) : (MunicipalityCode?)null;
        var family = Family.Create(new FamilyId(familyId), request.Youths, request.Carers, address, municipality);
        // The door decides (R10: the population register feed) and gives every member an audit record in the change's
        // own commit; the desk learns the family through ReferenceIndexIntake in the same commit.
        await access.AddOrReplaceFamilyAsync(Caller.Actor(context), family, context.RequestAborted);
        return TypedResults.NoContent();
    }
}

/// <summary>A family as the population register knows it: a household's youths, the parents or carers they share, and optionally the household's address with its municipality's CBS code.</summary>
internal sealed record FamilyRequest(IReadOnlyList<Bsn> Youths, IReadOnlyList<Bsn> Carers, FamilyAddress? Address = null, int? Municipality = null);

/// <summary>A household's residential address in the population register: postcode, house number and optional addition (house letter and addition).</summary>
internal sealed record FamilyAddress(string? Postcode, int HouseNumber, string? Addition);
