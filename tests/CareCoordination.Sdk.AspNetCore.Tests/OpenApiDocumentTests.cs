using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

/// <summary>
/// The OpenAPI document against the NL GOV API Design Rules, as their linter (Logius-standaarden/API-Design-Rules,
/// media/linter.yaml) checks them: each check a sentence, all violations listed at once.
/// </summary>
public sealed class OpenApiDocumentTests
{
    // nlgov:paths-kebab-case, nlgov:query-keys-camel-case and nlgov:semver, as the linter writes them.
    private static readonly Regex KebabPath = new(@"^(\/|(\/_[a-z0-9]+|\/(([a-z0-9\-]+|{[^}]+})(\/([a-z0-9\-\.]+|{[^}]+}))*)(\/_[a-z]+)?)\/?)$");
    private static readonly Regex CamelQueryKey = new(@"^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$");

    private static readonly Regex CamelProperty = new("^[a-z][a-zA-Z0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex SemVer = new(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$");
    private static readonly string[] StandardMethods = ["get", "post", "put", "patch", "delete", "parameters", "summary", "description"];

    // Reads sent as POST so that the BSN travels in the body, never in the URL: they change nothing and take no key.
    private static readonly string[] ReadsSentAsPost = ["searchSignals", "searchMatchContacts", "searchInformationObligations", "requestSubjectAccess"];

    [Fact]
    public async Task The_openapi_document_is_public_at_v1_openapi_json_and_follows_the_api_design_rules()
    {
        using var service = new ServiceFactory();
        var response = await service.ClientAs(Role.Anonymous).GetAsync("/v1/openapi.json");
        var document = await response.JsonAsync();
        var violations = new List<string>();
        void Check(bool holds, string rule) { if (!holds) { violations.Add(rule); } }

        Check(response.Headers.GetValues("Access-Control-Allow-Origin").Single() == "*", "publish-openapi: any site may read the document (CORS *)");
        Check(Regex.IsMatch(document.GetProperty("openapi").GetString()!, @"^3(.\d+){1,2}$"), "openapi3: the document is OpenAPI 3");
        var info = document.GetProperty("info");
        var contact = info.GetProperty("contact");
        foreach (var field in new[] { "name", "url", "email" })
        {
            Check(contact.TryGetProperty(field, out var value) && !string.IsNullOrWhiteSpace(value.GetString()), $"info-contact-fields-exist: info.contact.{field}");
        }

        Check(SemVer.IsMatch(info.GetProperty("version").GetString()!), "semver: info.version is a semantic version");
        Check(info.GetProperty("version").GetString() == CareCoordinationApi.Version, "the document's version is the API-Version header's");
        Check(document.GetProperty("servers").EnumerateArray().All(s => Regex.IsMatch(s.GetProperty("url").GetString()!, @"\/v[\d+]")), "include-major-version-in-uri: every server URL names the major version");
        Check(document.GetProperty("servers").EnumerateArray().All(s => !s.GetProperty("url").GetString()!.StartsWith("http://", StringComparison.Ordinal)), "servers-use-https");

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            Check(KebabPath.IsMatch(path.Name), $"paths-kebab-case: {path.Name}");
            Check(!path.Name.EndsWith('/'), $"paths-no-trailing-slash: {path.Name}");
            foreach (var operation in path.Value.EnumerateObject())
            {
                Check(StandardMethods.Contains(operation.Name), $"http-methods: {operation.Name} {path.Name}");
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                foreach (var query in parameters.Where(q => q.GetProperty("in").GetString() == "query"))
                {
                    Check(CamelQueryKey.IsMatch(query.GetProperty("name").GetString()!), $"query-keys-camel-case: {query.GetProperty("name")} of {path.Name}");
                }

                Check(!parameters.Any(q => q.GetProperty("name").GetString()!.Contains("bsn", StringComparison.OrdinalIgnoreCase)), $"no-sensitive-uris: no BSN in the path or query of {path.Name}");
                var responses = operation.Value.GetProperty("responses");
                var key = parameters.Where(q => q.GetProperty("name").GetString() == CareCoordinationApi.IdempotencyKeyHeader).ToList();
                if (operation.Name is "post" or "put" or "patch" or "delete" && !ReadsSentAsPost.Contains(operation.Value.GetProperty("operationId").GetString()))
                {
                    Check(key.Count == 1 && IsIdempotencyKey(key[0]), $"every write declares the optional Idempotency-Key header with its format and length: {operation.Name} {path.Name}");
                    Check(responses.TryGetProperty("409", out _), $"a write that takes an Idempotency-Key can answer 409 for a key used on another request: {operation.Name} {path.Name}");
                }
                else
                {
                    Check(key.Count == 0, $"a read declares no Idempotency-Key: {operation.Name} {path.Name}");
                }

                if (operation.Name is "post" or "put" or "patch" || parameters.Count > 0)
                {
                    Check(responses.TryGetProperty("400", out _), $"problem-invalid-input: {operation.Name} {path.Name} can answer 400");
                }

                Check(responses.EnumerateObject().Any(r => r.Name.StartsWith('2')), $"{operation.Name} {path.Name} documents its success");
                foreach (var answer in responses.EnumerateObject())
                {
                    if (answer.Name[0] is '2' or '3')
                    {
                        Check(answer.Value.TryGetProperty("headers", out var headers) && headers.TryGetProperty(CareCoordinationApi.VersionHeader, out _), $"missing-version-header: {answer.Name} of {operation.Name} {path.Name}");
                    }
                    else if (answer.Value.TryGetProperty("content", out var content))
                    {
                        Check(content.EnumerateObject().All(c => c.Name == "application/problem+json"), $"use-problem-schema: {answer.Name} of {operation.Name} {path.Name}");
                    }
                }
            }
        }

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var problem = schemas.GetProperty("ProblemDetails").GetProperty("properties");
        foreach (var member in new[] { "status", "title", "detail" })
        {
            Check(problem.TryGetProperty(member, out _), $"problem-schema-members: {member}");
        }

        var checkedProperties = 0;
        foreach (var schema in schemas.EnumerateObject())
        {
            if (schema.Value.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    checkedProperties++;
                    Check(CamelProperty.IsMatch(property.Name), $"property-casing: {schema.Name}.{property.Name} is lowerCamelCase");
                }
            }
        }

        Check(checkedProperties > 50, "the document describes the properties of its bodies and answers");
        Check(Is(schemas, "Instant", "string", "date-time"), "date-time/format: an instant is a string of format date-time");
        Check(Is(schemas, "LocalDate", "string", "date"), "date-time/format: a date is a string of format date");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    private static bool IsIdempotencyKey(JsonElement parameter)
    {
        var schema = parameter.GetProperty("schema");
        return parameter.GetProperty("in").GetString() == "header"
            && !(parameter.TryGetProperty("required", out var required) && required.GetBoolean())
            && parameter.GetProperty("description").GetString()!.Contains("409", StringComparison.Ordinal)
            && schema.GetProperty("type").GetString() == "string"
            && schema.GetProperty("minLength").GetInt32() == 1
            && schema.GetProperty("maxLength").GetInt32() == 100
            && schema.GetProperty("pattern").GetString() == "^[!-~]{1,100}$";
    }

    private static bool Is(JsonElement schemas, string name, string type, string format) =>
        schemas.TryGetProperty(name, out var schema)
        && schema.GetProperty("type").GetString() == type
        && schema.GetProperty("format").GetString() == format;
}
