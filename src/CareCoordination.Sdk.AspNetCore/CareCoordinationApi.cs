namespace CareCoordination.Sdk.AspNetCore;

/// <summary>The constants of the regional reference index's HTTP API (<em>Verwijsindex-API</em>), version 1.</summary>
public static class CareCoordinationApi
{
    /// <summary>The full semantic version of the API, sent in <see cref="VersionHeader"/> on every response and in the OpenAPI document.</summary>
    public const string Version = "1.0.0";

    /// <summary>The response header that carries <see cref="Version"/> (NL GOV API Design Rules, API-57).</summary>
    public const string VersionHeader = "API-Version";

    /// <summary>The request header that carries the idempotency key of a write (1 to 100 visible ASCII characters); a retry with the same key gets the first answer, also after a restart of the service.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The response header, <c>true</c>, on the first answer of a write (other than a registration) that a retry with the same <see cref="IdempotencyKeyHeader"/> got back instead of changing anything again.</summary>
    public const string IdempotentReplayedHeader = "Idempotent-Replayed";

    /// <summary>The webhook request header that carries the feed entry's stable id; a receiver deduplicates by it.</summary>
    public const string WebhookIdHeader = "Webhook-Id";

    /// <summary>The webhook request header that carries when the attempt was signed, in seconds since the Unix epoch.</summary>
    public const string WebhookTimestampHeader = "Webhook-Timestamp";

    /// <summary>
    /// The webhook request header that carries the signature: <c>v1,</c> and the base64 HMAC-SHA256, keyed with the
    /// organisation's secret, of <c>{Webhook-Id}.{Webhook-Timestamp}.{body}</c> (the Standard Webhooks scheme).
    /// </summary>
    public const string WebhookSignatureHeader = "Webhook-Signature";

    /// <summary>The path of the OpenAPI document.</summary>
    public const string OpenApiPath = "/v1/openapi.json";

    /// <summary>The name of the rate-limiting policy that limits each organisation's requests.</summary>
    public const string RateLimitPolicy = "per-organisation";
}
