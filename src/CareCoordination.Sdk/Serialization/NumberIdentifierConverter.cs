using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareCoordination.Sdk.Serialization;

/// <summary>Writes an identifier as the plain number it wraps, and reads it back through the identifier's own validation.</summary>
/// <typeparam name="T">The identifier type.</typeparam>
internal sealed class NumberIdentifierConverter<T>(Func<T, long> write, Func<long, T> read) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteNumberValue(write(value));
}
