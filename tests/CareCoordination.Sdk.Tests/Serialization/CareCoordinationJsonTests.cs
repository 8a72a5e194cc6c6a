using System;
using System.Collections.Generic;
using System.Text.Json;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Serialization;

public sealed class CareCoordinationJsonTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 9, 0);
    private static readonly JsonSerializerOptions Revealing = CreateRevealing();

    [Fact]
    public void A_signal_serialises_with_plain_identifiers_iso_dates_enum_names_and_the_youths_bsn_masked()
    {
        var signal = RegisterOne();

        var json = JsonSerializer.Serialize(signal, CareCoordinationJson.Options);

        Assert.Equal(
            """{"id":1,"youth":"*****2333","organisation":4,"reporter":401,"registeredAt":"2026-11-23T09:00:00Z","expiresOn":"2028-11-23","expiry":"ActivePeriodEnds","isDefault":false}""",
            json);
    }

    [Fact]
    public void Identifiers_and_nodatime_values_read_back_from_what_they_write()
    {
        Assert.Equal(new OrganisationId(2), RoundTrip(new OrganisationId(2), "2"));
        Assert.Equal(new ProfessionalId(21), RoundTrip(new ProfessionalId(21), "21"));
        Assert.Equal(new SignalId(7), RoundTrip(new SignalId(7), "7"));
        Assert.Equal(new CaseId(3), RoundTrip(new CaseId(3), "3"));
        Assert.Equal(new CoordinatorId(4), RoundTrip(new CoordinatorId(4), "4"));
        Assert.Equal(Now, RoundTrip(Now, "\"2026-11-23T09:00:00Z\""));
        Assert.Equal(new LocalDate(2028, 11, 23), RoundTrip(new LocalDate(2028, 11, 23), "\"2028-11-23\""));
        Assert.Equal(Duration.FromDays(42), RoundTrip(Duration.FromDays(42), "\"42:00:00:00\""));
    }

    [Fact]
    public void An_identifier_that_is_not_valid_is_refused_as_bad_json_not_as_a_crash()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OrganisationId>("0", CareCoordinationJson.Options));

        Assert.StartsWith("0 is not a valid OrganisationId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bsn_is_written_masked_and_a_masked_bsn_cannot_be_read_back()
    {
        var json = JsonSerializer.Serialize(TestBsns.First, CareCoordinationJson.Options);

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bsn>(json, CareCoordinationJson.Options));

        Assert.Equal($"\"{TestBsns.First}\"", json);
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), json, StringComparison.Ordinal);
        Assert.StartsWith("A masked BSN cannot be read back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bsn_is_read_from_nine_digits_through_the_elfproef_and_an_invalid_one_is_refused_without_its_digits()
    {
        Assert.Equal(Bsn.Parse("111222333"), JsonSerializer.Deserialize<Bsn>("\"111222333\"", CareCoordinationJson.Options));
        Assert.Equal(Bsn.Parse("111222333"), JsonSerializer.Deserialize<Bsn>("111222333", CareCoordinationJson.Options));

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bsn>("\"123456789\"", CareCoordinationJson.Options));

        Assert.DoesNotContain("123456789", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_substitute_number_travels_with_its_prefix_and_a_mistyped_bsn_is_never_taken_for_one()
    {
        var youth = SubstituteNumber.Derive("de Vries", new LocalDate(2015, 3, 1), Sex.Female);
        var digits = youth.RevealNumber().ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

        var json = JsonSerializer.Serialize(youth.AsIndexKey(), Revealing);

        Assert.Equal($"\"VISN {digits}\"", json);
        Assert.Equal(youth.AsIndexKey(), JsonSerializer.Deserialize<Bsn>(json, CareCoordinationJson.Options));
        Assert.StartsWith("\"VISN *****", JsonSerializer.Serialize(youth.AsIndexKey(), CareCoordinationJson.Options), StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bsn>($"\"{digits}\"", CareCoordinationJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bsn>(digits, CareCoordinationJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Bsn>("\"VISN 111222333\"", CareCoordinationJson.Options));
    }

    [Fact]
    public void Only_the_revealing_converter_put_first_by_the_host_writes_a_bsns_digits()
    {
        var revealing = new JsonSerializerOptions(CareCoordinationJson.Options);
        revealing.Converters.Insert(0, CareCoordinationJson.RevealingBsnConverter);

        var json = JsonSerializer.Serialize(new Youth(TestBsns.First, new LocalDate(2016, 5, 1)), revealing);

        Assert.Equal($$"""{"bsn":"{{TestBsns.First.RevealDigits()}}","dateOfBirth":"2016-05-01","isDefault":false}""", json);
        Assert.Equal(TestBsns.First, JsonSerializer.Deserialize<Bsn>($"\"{TestBsns.First.RevealDigits()}\"", revealing));
    }

    [Fact]
    public void Configure_gives_a_hosts_own_types_the_same_shapes_and_adds_each_converter_once()
    {
        var options = CareCoordinationJson.Configure(CareCoordinationJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var response = new Dictionary<string, object>
        {
            ["organisation"] = new OrganisationId(2),
            ["at"] = Now,
            ["youth"] = TestBsns.First,
        };

        var json = JsonSerializer.Serialize(response, options);

        Assert.Equal($$"""{"organisation":2,"at":"2026-11-23T09:00:00Z","youth":"{{TestBsns.First}}"}""", json);
        Assert.Equal(CareCoordinationJson.Converters.Count, options.Converters.Count);
    }

    [Fact]
    public void The_ready_made_options_are_read_only_so_no_host_can_change_them_for_every_other()
    {
        Assert.True(CareCoordinationJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => CareCoordinationJson.Options.Converters.Add(CareCoordinationJson.RevealingBsnConverter));
    }

    private static T RoundTrip<T>(T value, string expectedJson)
    {
        var json = JsonSerializer.Serialize(value, CareCoordinationJson.Options);
        Assert.Equal(expectedJson, json);
        return JsonSerializer.Deserialize<T>(json, CareCoordinationJson.Options)!;
    }

    private static Signal RegisterOne()
    {
        var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(Now));
        var youth = new Youth(Bsn.Parse("111222333"), new LocalDate(2016, 5, 1));
        var result = index.Register(new SignalRegistration(youth, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout));
        result.ThrowIfRefused();
        return result.Signal;
    }

    private static JsonSerializerOptions CreateRevealing()
    {
        var options = new JsonSerializerOptions(CareCoordinationJson.Options);
        options.Converters.Insert(0, CareCoordinationJson.RevealingBsnConverter);
        return options;
    }
}
