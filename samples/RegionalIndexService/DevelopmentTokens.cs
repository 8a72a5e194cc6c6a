using System;
using System.Collections.Generic;
using CareCoordination.Sdk.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RegionalIndexService;

/// <summary>Tokens for a local run, signed with the development key; a region's authorisation server issues the real ones.</summary>
internal static class DevelopmentTokens
{
    public static string Mint(IConfiguration configuration, string organisation, string professional, string role, string client)
    {
        var key = configuration["Authentication:SigningKey"] is { Length: > 0 } k ? Convert.FromBase64String(k) : throw new InvalidOperationException("No Authentication:SigningKey is configured (run in Development).");
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = configuration["Authentication:Issuer"] ?? "https://auth.example.nl",
            Audience = configuration["Authentication:Audience"] ?? "verwijsindex",
            Claims = new Dictionary<string, object>
            {
                [CareCoordinationClaims.Subject] = $"{role}-{professional}",
                [CareCoordinationClaims.Organisation] = organisation,
                [CareCoordinationClaims.Professional] = professional,
                [CareCoordinationClaims.Role] = role,
                [CareCoordinationClaims.ClientId] = client,
            },
            // No expiry named: the handler gives the token its default lifetime (an hour from now).
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
