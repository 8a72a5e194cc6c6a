using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>A key's first request was claimed: it runs, and nothing else may run under the key until it is answered or released.</summary>
/// <param name="Key">The organisation and the hash of its key.</param>
/// <param name="Fingerprint">The hash of the request, with every BSN in it replaced by its pseudonym.</param>
internal sealed record KeyClaimedDocument(string Key, string Fingerprint);

/// <summary>A key's write succeeded with this answer, which a retry gets back.</summary>
/// <param name="Key">The organisation and the hash of its key.</param>
/// <param name="Status">The answer's status.</param>
/// <param name="ContentType">The answer's content type.</param>
/// <param name="Location">The answer's Location header, or empty.</param>
/// <param name="Body">The answer's body as the client got it: JSON with every BSN masked.</param>
internal sealed record KeyAnsweredDocument(string Key, int Status, string? ContentType, string Location, string Body);

/// <summary>A key's write was refused or failed: it changed nothing, and a retry runs again.</summary>
/// <param name="Key">The organisation and the hash of its key.</param>
internal sealed record KeyReleasedDocument(string Key);

/// <summary>One key in a <see cref="KeysKeptDocument"/>.</summary>
/// <param name="Key">The organisation and the hash of its key.</param>
/// <param name="Fingerprint">The hash of its request.</param>
/// <param name="AtTicks">When it was claimed, in Unix ticks.</param>
/// <param name="Answer">Its answer; <see langword="null"/> while (or when a crash left) its first request unanswered.</param>
internal sealed record KeptKeyDocument(string Key, string Fingerprint, long AtTicks, KeyAnsweredDocument? Answer);

/// <summary>What a shard of the memory still holds, written in place of its history when that grew long or held expired keys.</summary>
/// <param name="Keys">The keys still within the idempotency window.</param>
internal sealed record KeysKeptDocument(IReadOnlyList<KeptKeyDocument> Keys);

/// <summary>The JSON of the memory's events: lowerCamelCase, as every stream of the SDK.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KeyClaimedDocument))]
[JsonSerializable(typeof(KeyAnsweredDocument))]
[JsonSerializable(typeof(KeyReleasedDocument))]
[JsonSerializable(typeof(KeysKeptDocument))]
internal sealed partial class IdempotencyJsonContext : JsonSerializerContext;
