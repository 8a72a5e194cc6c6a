using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CareCoordination.Sdk.Serialization;

/// <summary>
/// JSON for the SDK's types in a vendor's API, in the same shapes as the SDK's stored events: identifiers as the plain
/// numbers they wrap (<c>"organisation": 2</c>), NodaTime values in ISO 8601 (<c>"2026-11-23T09:00:00Z"</c>,
/// <c>"2028-11-23"</c>), enums by name, and a BSN (<em>burgerservicenummer</em>) masked (<c>"*****2333"</c>).
/// </summary>
/// <remarks>
/// <para>
/// Use <see cref="Options"/> to serialise the SDK's own types (source-generated, trimming- and AOT-safe), or
/// <see cref="Configure"/> to add the converters to a host's options, for example
/// <c>services.ConfigureHttpJsonOptions(o =&gt; CareCoordinationJson.Configure(o.SerializerOptions))</c>, so that the
/// host's own types with SDK members get the same shapes; an AOT host adds <see cref="TypeInfoResolver"/> to its
/// resolver chain for the SDK's types.
/// </para>
/// <para>
/// A BSN never leaves masked by accident: the one way to write the nine digits is to put
/// <see cref="RevealingBsnConverter"/> first in a host's own options, for the channel that must carry the number (for
/// example to the population register). Reading accepts nine digits, as a string or a number, through the elfproef;
/// a masked BSN is refused with a <see cref="JsonException"/>. Thread-safe; every member returns the same instances.
/// </para>
/// </remarks>
public static class CareCoordinationJson
{
    // Shared with the stores' stream events (StreamDocuments), which write identifiers in exactly this shape.
    internal static readonly JsonConverter[] IdentifierConverters =
    [
        new NumberIdentifierConverter<OrganisationId>(id => id.Value, value => new OrganisationId(checked((int)value))),
        new NumberIdentifierConverter<ProfessionalId>(id => id.Value, value => new ProfessionalId(checked((int)value))),
        new NumberIdentifierConverter<SignalId>(id => id.Value, value => new SignalId(value)),
        new NumberIdentifierConverter<CaseId>(id => id.Value, value => new CaseId(checked((int)value))),
        new NumberIdentifierConverter<CoordinatorId>(id => id.Value, value => new CoordinatorId(checked((int)value))),
        new NumberIdentifierConverter<FamilyId>(id => id.Value, value => new FamilyId(checked((int)value))),
    ];

    private static readonly JsonConverter[] AllConverters =
    [
        .. IdentifierConverters,
        new BsnJsonConverter(reveal: false),
        NodaConverters.InstantConverter,
        NodaConverters.LocalDateConverter,
        NodaConverters.LocalDateTimeConverter,
        NodaConverters.RoundtripDurationConverter,
        NodaConverters.RoundtripPeriodConverter,
        NodaConverters.CreateDateTimeZoneConverter(DateTimeZoneProviders.Tzdb),
    ];

    private static readonly JsonSerializerOptions ReadOnlyOptions = CreateOptions();

    /// <summary>Gets the converters: the identifiers, the masked BSN, and NodaTime's ISO 8601 converters for <see cref="Instant"/>, <see cref="LocalDate"/>, <see cref="LocalDateTime"/>, <see cref="Duration"/>, <see cref="Period"/> and <see cref="DateTimeZone"/>.</summary>
    public static IReadOnlyList<JsonConverter> Converters => AllConverters;

    /// <summary>Gets the source-generated metadata of the SDK's public types that an API returns (signals, matches, notifications, organisations, overviews, consents, audit records, …).</summary>
    /// <remarks>Resolves only the SDK's types, returning <see langword="null"/> for others, so it can sit anywhere in a resolver chain.</remarks>
    public static IJsonTypeInfoResolver TypeInfoResolver => PublicJsonContext.Default;

    /// <summary>Gets read-only options that serialise the SDK's types: web defaults (camelCase), <see cref="Converters"/> and <see cref="TypeInfoResolver"/>.</summary>
    /// <value>The same read-only instance on every call; copy it (<c>new JsonSerializerOptions(CareCoordinationJson.Options)</c>) to change it.</value>
    public static JsonSerializerOptions Options => ReadOnlyOptions;

    /// <summary>Gets the deliberate path to a BSN's nine digits: a converter that writes <c>"111222333"</c> instead of the mask.</summary>
    /// <remarks>Never part of <see cref="Options"/> or <see cref="Configure"/>; insert it first in the options of the one channel that must carry the number.</remarks>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public static JsonConverter<Bsn> RevealingBsnConverter { get; } = new BsnJsonConverter(reveal: true);

    /// <summary>Adds <see cref="Converters"/> to a host's options (those it already holds are not added twice), leaving its resolvers as they are.</summary>
    /// <param name="options">The host's options, not yet used.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The options are read-only (already used for serialising).</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var converter in AllConverters)
        {
            if (!options.Converters.Contains(converter))
            {
                options.Converters.Add(converter);
            }
        }

        return options;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = PublicJsonContext.Default });
        options.MakeReadOnly();
        return options;
    }
}
