using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// Writes a <see cref="Bsn"/> masked (<c>"*****2333"</c>) or, only when a host asks for it deliberately through
/// <see cref="CareCoordinationJson.RevealingBsnConverter"/>, as its nine digits; reads nine digits (as a string or a
/// number) through the elfproef, or a youth's substitute number. A masked BSN cannot be read back: it no longer identifies anyone.
/// </summary>
internal sealed class BsnJsonConverter(bool reveal) : JsonConverter<Bsn>
{
    public override Bsn Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                var number = reader.GetInt32();
                return SubstituteNumber.IsSubstituteNumber(number) ? SubstituteNumber.FromNumber(number).AsIndexKey() : Bsn.FromNumber(number);
            }

            var text = reader.GetString() ?? string.Empty;
            if (text.Contains('*', StringComparison.Ordinal))
            {
                throw new JsonException("A masked BSN cannot be read back: it no longer identifies anyone. Send the nine digits.");
            }

            // A youth without a BSN travels as its substitute number, which never passes the elfproef.
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var digits) && text.Trim().Length == 9 && SubstituteNumber.IsSubstituteNumber(digits)
                ? SubstituteNumber.FromNumber(digits).AsIndexKey()
                : Bsn.Parse(text);
        }
        catch (InvalidBsnException error)
        {
            // The message of InvalidBsnException is masked; a JsonException lets an HTTP host answer 400.
            throw new JsonException(error.Message, error);
        }
    }

    public override void Write(Utf8JsonWriter writer, Bsn value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStringValue(reveal ? value.RevealDigits() : value.ToString());
    }
}
