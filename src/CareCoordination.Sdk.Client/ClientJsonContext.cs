using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareCoordination.Sdk.Client;

/// <summary>Source-generated JSON of the client's wire shapes: trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SignalBody))]
[JsonSerializable(typeof(SignalBatchBody))]
[JsonSerializable(typeof(WithdrawalBody))]
[JsonSerializable(typeof(RegistrationAnswer))]
[JsonSerializable(typeof(SignalBatchAnswer))]
[JsonSerializable(typeof(SignalAnswer))]
[JsonSerializable(typeof(FeedAnswer))]
[JsonSerializable(typeof(ProblemAnswer))]
internal sealed partial class ClientJsonContext : JsonSerializerContext;
