using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>Every 4xx and 5xx as <c>application/problem+json</c> (RFC 9457) with status, title and detail, and the access rule when one refused.</summary>
internal static class Problems
{
    public static IResult Of(int status, string detail, string? rule = null)
    {
        var extensions = rule is null ? null : new Dictionary<string, object?> { ["rule"] = rule };
        return TypedResults.Problem(detail, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status), extensions: extensions);
    }

    public static Task WriteAsync(HttpContext context, int status, string detail, string? rule = null) => Of(status, detail, rule).ExecuteAsync(context);

    /// <summary>Gives an empty 4xx or 5xx answer its problem; the path is never repeated, as a vendor may have put a BSN in it by mistake.</summary>
    public static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => "There is no resource at this path in version 1 of the API; see /v1/openapi.json.",
            StatusCodes.Status405MethodNotAllowed => "The resource does not take this method; see /v1/openapi.json.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        return WriteAsync(context, status, detail);
    }

    /// <summary>Answers the exception an endpoint or the request reading threw; an unexpected one gets a 500 that says nothing of its cause.</summary>
    public static Task HandleAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, detail, rule) = error switch
        {
            BadHttpRequestException bad => (bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status400BadRequest : bad.StatusCode, DetailOf(bad), (string?)null),
            JsonException json => (StatusCodes.Status400BadRequest, json.Message, null),
            FormatException format => (StatusCodes.Status400BadRequest, format.Message, null),
            ArgumentException argument => (StatusCodes.Status400BadRequest, argument.Message, null),
            AccessDeniedException denied => (StatusCodes.Status403Forbidden, $"Refused by access rule {denied.Rule}: {denied.Reason}", denied.Rule),
            NotFoundException missing => (StatusCodes.Status404NotFound, missing.Message, null),
            StaleVersionException stale => (StatusCodes.Status409Conflict, stale.Message, null),
            StreamVersionConflictException conflict => (StatusCodes.Status409Conflict, conflict.Message, null),
            CoordinationException refused => (StatusCodes.Status422UnprocessableEntity, refused.Message, null),
            PrivacyException refused => (StatusCodes.Status422UnprocessableEntity, refused.Message, null),
            _ => (StatusCodes.Status500InternalServerError, "The service could not handle the request; it changed nothing that it acknowledged. Try again later.", null),
        };
        return WriteAsync(context, status, detail, rule);
    }

    private static string DetailOf(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => "The request body is not valid: " + json.Message,
        FormatException format => "The request body is not valid: " + format.Message,
        _ when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is larger than the service accepts.",
        _ => bad.Message,
    };
}
