using System.Text.Json.Serialization;

namespace CareCoordination.Sdk.Privacy;

/// <summary>Source-generated JSON for subject access documents: no reflection at run time, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubjectAccessDocument))]
internal sealed partial class SubjectAccessJsonContext : JsonSerializerContext;
