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

    /// <summary>Gets the organisations' webhooks: each delivers the organisation's notification feed, signed and retried.</summary>
    /// <value>The default is empty: no webhooks, the feed only.</value>
    public IList<WebhookSubscription> Webhooks { get; } = [];

    /// <summary>Gets or sets the folder where each webhook keeps its cursor, so that a restart resumes after the last delivered entry; <see langword="null"/> to start each run from the feed's beginning (the receiver deduplicates by id).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? WebhookStateFolder { get; set; }

    /// <summary>Gets or sets the wait before a failed webhook delivery's first retry; each further retry waits twice as long, up to <see cref="WebhookMaxRetryDelay"/>.</summary>
    /// <value>The default is 2 seconds.</value>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest wait between two attempts of a webhook delivery; the service retries until the receiver accepts.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

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
