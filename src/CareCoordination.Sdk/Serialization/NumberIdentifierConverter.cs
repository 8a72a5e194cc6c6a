using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// Writes an identifier as the plain number it wraps, and reads it back through the identifier's own validation. The
/// stores and <see cref="CareCoordinationJson"/> share these converters, so an API and the stored events speak the same JSON.
/// </summary>
/// <typeparam name="T">The identifier type.</typeparam>
internal sealed class NumberIdentifierConverter<T>(Func<T, long> write, Func<long, T> read) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var number = reader.GetInt64();
        try
        {
            return read(number);
        }
        catch (Exception error) when (error is ArgumentException or OverflowException)
        {
            // A JsonException carries the path to the bad value, and an HTTP host answers it with 400, not 500.
            throw new JsonException($"{number} is not a valid {typeof(T).Name}: {error.Message}", error);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteNumberValue(write(value));
}
