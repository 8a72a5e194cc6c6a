using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareCoordination.Sdk.Client;

/// <summary>
/// Verifies a webhook the reference index service posted: the signature in <see cref="SignatureHeader"/> is <c>v1,</c>
/// and the base64 HMAC-SHA256, keyed with the organisation's secret, of <c>{Webhook-Id}.{Webhook-Timestamp}.{body}</c>
/// (the Standard Webhooks scheme). Check it on the raw body before parsing it, refuse an old timestamp, answer 2xx only
/// after the notification is stored, and deduplicate by <see cref="IdHeader"/>: the service delivers at least once.
/// </summary>
public static class CareCoordinationWebhook
{
    /// <summary>The header with the feed entry's stable id; the same id as the notification feed's.</summary>
    public const string IdHeader = "Webhook-Id";

    /// <summary>The header with the moment of signing, in seconds since the Unix epoch.</summary>
    public const string TimestampHeader = "Webhook-Timestamp";

    /// <summary>The header with the signature.</summary>
    public const string SignatureHeader = "Webhook-Signature";

    /// <summary>Tells whether a webhook request is signed with the secret and recent enough.</summary>
    /// <param name="secret">The organisation's webhook secret, as the region gave it.</param>
    /// <param name="id">The value of <see cref="IdHeader"/>.</param>
    /// <param name="timestamp">The value of <see cref="TimestampHeader"/>.</param>
    /// <param name="signature">The value of <see cref="SignatureHeader"/>; space-separated signatures are each tried, for a secret's rotation.</param>
    /// <param name="body">The raw request body, as received.</param>
    /// <param name="now">The receiver's current time.</param>
    /// <param name="tolerance">How far the timestamp may lie from <paramref name="now"/>; five minutes is usual.</param>
    /// <returns>Whether the request is authentic and recent; a request that is not must be refused without handling it.</returns>
    public static bool Verify(ReadOnlySpan<byte> secret, string? id, string? timestamp, string? signature, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(id) || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{seconds}.{body}")));
        Span<byte> given = stackalloc byte[32];
        foreach (var candidate in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(candidate[3..], given, out var written)
                && written == given.Length
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the notification a webhook carries, once <see cref="Verify"/> accepted the request.</summary>
    /// <param name="body">The raw request body, as received and verified.</param>
    /// <returns>The notification: the same entry, with the same <see cref="ReceivedNotification.Id"/>, as the feed holds.</returns>
    /// <exception cref="System.Text.Json.JsonException">The body is not a notification of the service.</exception>
    public static ReceivedNotification Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var entry = System.Text.Json.JsonSerializer.Deserialize(body, CareCoordinationClient.Json.FeedEntryAnswer) ?? throw new System.Text.Json.JsonException("The webhook's body is empty.");
        return CareCoordinationClient.NotificationOf(entry);
    }
}
