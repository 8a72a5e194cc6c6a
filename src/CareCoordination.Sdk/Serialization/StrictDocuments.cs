using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// Makes the stream documents' JSON contract as strict as the SDK writes it: every property that can be read back is
/// required, and an enum holds one of its defined values (or, for flags, only defined bits), so that a number the
/// string converter lets through is refused instead of becoming an enum value no code path handles.
/// </summary>
internal static class StrictDocuments
{
    /// <summary>Applies the contract to one type's metadata.</summary>
    /// <param name="info">The type's metadata, as the source-generated context made it.</param>
    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var enums = new List<JsonPropertyInfo>();
        foreach (var property in info.Properties)
        {
            // A constructor's parameters are required by the options (RespectRequiredConstructorParameters); a computed
            // property (IsFulfilled) is written for readers of the JSON but has nothing to read it into.
            if (property.Set is not null && property.AssociatedParameter is null)
            {
                property.IsRequired = true;
            }

            if (property.Get is not null && EnumOf(property.PropertyType) is not null)
            {
                enums.Add(property);
            }
        }

        if (enums.Count == 0)
        {
            return;
        }

        var earlier = info.OnDeserialized;
        info.OnDeserialized = document =>
        {
            earlier?.Invoke(document);
            foreach (var property in enums)
            {
                if (property.Get!(document) is { } value && !IsDefined(EnumOf(property.PropertyType)!, value))
                {
                    throw new JsonException($"The property {property.Name} of a stored {info.Type.Name} holds a value its enum does not define.");
                }
            }
        };
    }

    private static Type? EnumOf(Type type) => type.IsEnum ? type : Nullable.GetUnderlyingType(type) is { IsEnum: true } inner ? inner : null;

    private static bool IsDefined(Type type, object value)
    {
        if (Enum.IsDefined(type, value))
        {
            return true;
        }

        if (!type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return false;
        }

        var mask = Enum.GetValuesAsUnderlyingType(type).Cast<object>().Aggregate(0L, (all, v) => all | Convert.ToInt64(v, CultureInfo.InvariantCulture));
        var bits = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        return bits >= 0 && (bits & ~mask) == 0;
    }
}
