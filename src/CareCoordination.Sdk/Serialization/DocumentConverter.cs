using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CareCoordination.Sdk.Serialization;

/// <summary>Writes a domain class through its JSON document, and reads the document back into the domain class.</summary>
/// <typeparam name="T">The domain class.</typeparam>
/// <typeparam name="TDocument">Its document.</typeparam>
internal sealed class DocumentConverter<T, TDocument>(Func<T, TDocument> toDocument, Func<TDocument, T> fromDocument, Func<JsonSerializerOptions, JsonTypeInfo<TDocument>> info) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        fromDocument(JsonSerializer.Deserialize(ref reader, info(options)) ?? throw new JsonException("A stored " + typeof(T).Name + " is empty."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, toDocument(value), info(options));
}
