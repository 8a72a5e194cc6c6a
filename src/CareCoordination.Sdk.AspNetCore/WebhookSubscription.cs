using System;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// An organisation's webhook: the service posts each entry of the organisation's notification feed to the URL, signed
/// with the organisation's secret (see <see cref="CareCoordinationApi.WebhookSignatureHeader"/>), retrying with backoff
/// until the receiver answers 2xx. A webhook adds to the feed and replaces nothing: it is delivered at least once, with
/// the feed entry's stable id, and the feed stays readable.
/// </summary>
/// <remarks>Immutable. The URL comes from the service's configuration, never from a request.</remarks>
public sealed class WebhookSubscription
{
    private readonly byte[] _secret;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="organisation">The organisation whose feed is delivered.</param>
    /// <param name="url">Where to post: HTTPS, or HTTP on a loopback address only.</param>
    /// <param name="secret">The shared secret that keys the HMAC-SHA256 signature; at least 32 bytes.</param>
    /// <exception cref="ArgumentException">A value is missing, the URL is not HTTPS outside loopback, or the secret is shorter than 32 bytes.</exception>
    public WebhookSubscription(OrganisationId organisation, Uri url, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (organisation.IsDefault)
        {
            throw new ArgumentException("Name the organisation whose feed the webhook delivers.", nameof(organisation));
        }

        if (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            throw new ArgumentException("A webhook URL is absolute and HTTPS (HTTP only on a loopback address).", nameof(url));
        }

        if (secret.Length < 32)
        {
            throw new ArgumentException("A webhook secret has at least 32 bytes.", nameof(secret));
        }

        Organisation = organisation;
        Url = url;
        _secret = secret.ToArray();
    }

    /// <summary>Gets the organisation whose feed is delivered.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets where the service posts.</summary>
    public Uri Url { get; }

    /// <summary>Gets a copy of the shared secret.</summary>
    /// <returns>The secret's bytes.</returns>
    public byte[] GetSecret() => (byte[])_secret.Clone();

    internal ReadOnlySpan<byte> Secret => _secret;

    /// <inheritdoc/>
    public override string ToString() => $"webhook of {Organisation} to {Url.GetLeftPart(UriPartial.Authority)}";
}
