using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using NodaTime;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>
/// Brings the generated OpenAPI document in line with the NL GOV API Design Rules and their linter: the contact and a
/// semver version, the major version in the server URL, the API-Version header on every success, and the SDK's values
/// in the shapes they have on the wire (ISO 8601 strings, numbers for identifiers, a BSN as a string), and the
/// <c>Idempotency-Key</c> request header with its rules on every write that honours it.
/// </summary>
internal static class OpenApiConventions
{
    private static readonly HashSet<Type> Identifiers = [typeof(OrganisationId), typeof(ProfessionalId), typeof(SignalId), typeof(CaseId), typeof(CoordinatorId), typeof(FamilyId)];

    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer(DescribeDocumentAsync);
        options.AddOperationTransformer(DescribeOperationAsync);
        options.AddSchemaTransformer(DescribeSchemaAsync);
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var o = context.ApplicationServices.GetRequiredService<IOptions<CareCoordinationServiceOptions>>().Value;
        document.Info = new OpenApiInfo
        {
            Title = "Verwijsindex (regional reference index) API",
            Description = "The regional reference index of CareCoordination.Sdk: signals, the organisation's match notifications, and person data through the access rules. Every request carries an OAuth2 bearer token (JWT).",
            Version = CareCoordinationApi.Version,
            Contact = new OpenApiContact { Name = o.ContactName, Url = o.ContactUrl, Email = o.ContactEmail },
        };

        // The major version belongs to the server URL; the paths are relative to it.
        document.Servers = [new OpenApiServer { Url = "/v1", Description = "Version 1 of the API, on the host that serves this document." }];
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths ?? [])
        {
            paths[path.StartsWith("/v1/", StringComparison.Ordinal) ? path["/v1".Length..] : path] = item;
        }

        document.Paths = paths;
        return Task.CompletedTask;
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyMetadata>().FirstOrDefault() is { Honoured: true } idempotency)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = CareCoordinationApi.IdempotencyKeyHeader,
                In = ParameterLocation.Header,
                Required = false,
                Description = idempotency.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyMetadata.MaxLength, Pattern = IdempotencyKeyMetadata.Pattern },
            });
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if ((status.StartsWith('2') || status.StartsWith('3')) && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers[CareCoordinationApi.VersionHeader] = new OpenApiHeader
                {
                    Description = "The full semantic version of the API.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        return Task.CompletedTask;
    }

    private static Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(Instant))
        {
            Replace(schema, JsonSchemaType.String, "date-time", null, "An instant in ISO 8601, in UTC.");
        }
        else if (type == typeof(LocalDate))
        {
            Replace(schema, JsonSchemaType.String, "date", null, "A date in ISO 8601.");
        }
        else if (type == typeof(Duration))
        {
            Replace(schema, JsonSchemaType.String, null, null, "A duration as days:hours:minutes:seconds.");
        }
        else if (type == typeof(Bsn))
        {
            Replace(schema, JsonSchemaType.String, null, "^([0-9]{9}|\\*{5}[0-9]{4})$", "A BSN (burgerservicenummer): nine digits in a request; masked (*****1234) in every answer.");
        }
        else if (Identifiers.Contains(type))
        {
            Replace(schema, JsonSchemaType.Integer, "int64", null, "An identifier, as the number it wraps.");
        }

        return Task.CompletedTask;
    }

    private static void Replace(OpenApiSchema schema, JsonSchemaType type, string? format, string? pattern, string description)
    {
        schema.Type = type;
        schema.Format = format;
        schema.Pattern = pattern;
        schema.Description = description;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
    }
}
