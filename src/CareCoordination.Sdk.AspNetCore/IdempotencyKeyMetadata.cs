using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Endpoint metadata: how a write honours the <c>Idempotency-Key</c> header. The middleware replays the writes
/// <see cref="Service"/> marks, the reference index remembers the registrations' answers itself, and a read sent as a
/// POST (so that the BSN stays out of the URL) carries <see cref="NotAWrite"/>. The OpenAPI document declares the header
/// on every write from this metadata.
/// </summary>
internal sealed class IdempotencyKeyMetadata
{
    private IdempotencyKeyMetadata(bool honoured, bool replayedByService, string description)
    {
        Honoured = honoured;
        ReplayedByService = replayedByService;
        Description = description;
    }

    /// <summary>Gets the metadata of a write whose first success answer the service keeps and replays.</summary>
    public static IdempotencyKeyMetadata Service { get; } = new(
        true,
        true,
        "Optional, recommended: 1 to 100 visible ASCII characters (%x21-7E), unique per write of the organisation. A retry "
        + "with the same key and the same request gets the first success answer back (Idempotent-Replayed: true), also after "
        + "a restart of the service, instead of changing anything again; the same key on another request is a 409. A key "
        + "whose first request was cut off by a crash of the service is a 409 too: read the resource to see whether the change "
        + "was made. A refused request is not kept. The service keeps a key for the region's idempotency window (24 hours by default).");

    /// <summary>Gets the metadata of a registration, whose key the reference index keeps with its answer.</summary>
    public static IdempotencyKeyMetadata Index { get; } = new(
        true,
        false,
        "Optional, recommended (the outbox entry's id): 1 to 100 visible ASCII characters (%x21-7E). A retry with the same key "
        + "and the same registration gets the first answer, also after a restart of the service, instead of registering "
        + "again; the same key on another registration is a 409. The index keeps a key for the region's idempotency window "
        + "(24 hours by default).");

    /// <summary>Gets the metadata of a read sent as a POST: it changes nothing, so it takes no key.</summary>
    public static IdempotencyKeyMetadata NotAWrite { get; } = new(false, false, string.Empty);

    /// <summary>Gets the pattern of a key: 1 to 100 visible ASCII characters.</summary>
    public static string Pattern => "^[!-~]{1,100}$";

    /// <summary>Gets the longest key.</summary>
    public static int MaxLength => 100;

    /// <summary>Gets a value indicating whether the endpoint honours a key.</summary>
    public bool Honoured { get; }

    /// <summary>Gets a value indicating whether the service's middleware keeps and replays the endpoint's answers.</summary>
    public bool ReplayedByService { get; }

    /// <summary>Gets the header's description in the OpenAPI document.</summary>
    public string Description { get; }

    /// <summary>Whether a key is 1 to <see cref="MaxLength"/> visible ASCII characters.</summary>
    public static bool IsWellFormed(string key) => key.Length is > 0 and <= 100 && key.All(c => c is >= '!' and <= '~');

    /// <summary>
    /// Marks every POST, PUT, PATCH and DELETE of a group that says nothing else as replayed by the service, so that a
    /// write added later honours the key without anyone remembering to say so.
    /// </summary>
    public static void MarkWrites(IEndpointConventionBuilder group) => group.Finally(endpoint =>
    {
        if (endpoint.Metadata.OfType<IdempotencyKeyMetadata>().Any())
        {
            return;
        }

        var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods);
        if (methods.Any(m => HttpMethods.IsPost(m) || HttpMethods.IsPut(m) || HttpMethods.IsPatch(m) || HttpMethods.IsDelete(m)))
        {
            endpoint.Metadata.Add(Service);
            if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == StatusCodes.Status409Conflict))
            {
                // The answer to a key used before for another request, or whose first request a crash cut off.
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status409Conflict, typeof(ProblemDetails), ["application/problem+json"]));
            }
        }
    });

    /// <summary>The metadata of the request's endpoint, if it has any.</summary>
    public static IdempotencyKeyMetadata? Of(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyKeyMetadata>();

    /// <inheritdoc/>
    public override string ToString() => Honoured ? (ReplayedByService ? "replayed by the service" : "remembered by the index") : "not a write";
}
