using System;
using System.Collections.Generic;
using Microsoft.IdentityModel.Tokens;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>The settings of the regional reference index's HTTP service: who issues its tokens, and its bounds.</summary>
public sealed class CareCoordinationServiceOptions
{
    /// <summary>Gets or sets the OAuth2 authorisation server (its OpenID Connect metadata gives the signing keys); <see langword="null"/> when <see cref="SigningKeys"/> are given instead.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Authority { get; set; }

    /// <summary>Gets or sets the issuer a token must name (<c>iss</c>).</summary>
    /// <value>The default is <c>"https://auth.example.nl"</c>; set the region's own.</value>
    public string Issuer { get; set; } = "https://auth.example.nl";

    /// <summary>Gets or sets the audience a token must name (<c>aud</c>).</summary>
    /// <value>The default is <c>"verwijsindex"</c>.</value>
    public string Audience { get; set; } = "verwijsindex";

    /// <summary>Gets the keys that sign valid tokens, when the service does not fetch them from <see cref="Authority"/>.</summary>
    /// <value>The default is empty.</value>
    public IList<SecurityKey> SigningKeys { get; } = [];

    /// <summary>Gets or sets the largest request body accepted, in bytes.</summary>
    /// <value>The default is 65,536 (64 KiB).</value>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Gets or sets the most registrations one batch may hold.</summary>
    /// <value>The default is 100.</value>
    public int MaxBatchLength { get; set; } = 100;

    /// <summary>Gets or sets how many requests one organisation may make per minute; more are answered 429.</summary>
    /// <value>The default is 600.</value>
    public int RequestsPerMinutePerOrganisation { get; set; } = 600;

    /// <summary>Gets or sets the longest a notification-feed read waits for a first notification (the long poll).</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan MaxFeedWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the name of the API's contact, for the OpenAPI document's <c>info.contact</c>.</summary>
    /// <value>The default is <c>"CareCoordination.Sdk contributors"</c>.</value>
    public string ContactName { get; set; } = "CareCoordination.Sdk contributors";

    /// <summary>Gets or sets the URL of the API's contact.</summary>
    /// <value>The default is the project's repository.</value>
    public Uri ContactUrl { get; set; } = new("https://github.com/carecoordination/CareCoordination.Sdk");

    /// <summary>Gets or sets the e-mail address of the API's contact.</summary>
    /// <value>The default is <c>"api@carecoordination.example"</c>.</value>
    public string ContactEmail { get; set; } = "api@carecoordination.example";
}
