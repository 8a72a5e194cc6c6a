using System;
using System.Threading;
using System.Threading.Tasks;

namespace CareCoordination.Sdk.Client;

/// <summary>Where the regional reference index service is, and how the client gets its access token.</summary>
public sealed class CareCoordinationClientOptions
{
    /// <summary>Gets or sets the service's base address, without <c>/v1</c> (for example <c>https://verwijsindex.region.example/</c>).</summary>
    /// <value>The default is <see langword="null"/>: set it.</value>
    public Uri? BaseAddress { get; set; }

    /// <summary>Gets or sets how to get a current OAuth2 access token (client credentials at the region's authorisation server).</summary>
    /// <value>The default is <see langword="null"/>: set it.</value>
    public Func<CancellationToken, ValueTask<string>>? AccessToken { get; set; }
}
