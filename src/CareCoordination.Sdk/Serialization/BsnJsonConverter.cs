using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// Writes a <see cref="Bsn"/> masked (<c>"*****2333"</c>) or, only when a host asks for it deliberately through
/// <see cref="CareCoordinationJson.RevealingBsnConverter"/>, as its nine digits; reads nine digits (as a string or a
/// number) through the elfproef. A youth's substitute number travels with its own prefix (<c>"VISN 123456784"</c>), never as
/// bare digits: a mistyped BSN fails the elfproef and is refused, instead of being taken for another youth's substitute
/// number. A masked BSN cannot be read back: it no longer identifies anyone.
/// </summary>
internal sealed class BsnJsonConverter(bool reveal) : JsonConverter<Bsn>
{
    private const string SubstitutePrefix = "VISN ";

    public override Bsn Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return Bsn.FromNumber(reader.GetInt32());
            }

            var text = reader.GetString() ?? string.Empty;
            if (text.Contains('*', StringComparison.Ordinal))
            {
                throw new JsonException("A masked BSN cannot be read back: it no longer identifies anyone. Send the nine digits.");
            }

            return text.StartsWith(SubstitutePrefix, StringComparison.Ordinal) ? ReadSubstitute(text.AsSpan(SubstitutePrefix.Length)) : Bsn.Parse(text);
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

        var text = reveal ? value.RevealDigits() : value.ToString();
        writer.WriteStringValue(value.IsSubstituteNumber ? SubstitutePrefix + text : text);
    }

    private static Bsn ReadSubstitute(ReadOnlySpan<char> digits) =>
        digits.Length == 9 && int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && SubstituteNumber.IsSubstituteNumber(number)
            ? SubstituteNumber.FromNumber(number).AsIndexKey()
            : throw new JsonException("A substitute number (verwijsindexservicenummer) is \"VISN \" followed by the nine digits the index issued.");
}
