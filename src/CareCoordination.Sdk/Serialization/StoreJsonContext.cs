using System.Text.Json.Serialization;

namespace CareCoordination.Sdk.Serialization;

/// <summary>Source-generated JSON for stored events: no reflection at run time, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SignalEventDocument))]
[JsonSerializable(typeof(MatchEventDocument))]
[JsonSerializable(typeof(RememberedAnswerDocument))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
