using System.Collections.Generic;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Signals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CareCoordination.Sdk.AspNetCore;

/// <summary>Registering, renewing and withdrawing signals: the reporter's organisation and professional come from the credential.</summary>
internal static class SignalEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/signals", Register)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.Registering))
            .Produces<RegistrationResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(IdempotencyKeyMetadata.Index)
            .WithName("registerSignal")
            .WithSummary("Registers a signal, or renews the organisation's active signal on the youth.");
        v1.MapPost("/signal-batches", RegisterBatch)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.Registering))
            .Produces<SignalBatchResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithMetadata(IdempotencyKeyMetadata.Index)
            .WithName("registerSignalBatch")
            .WithSummary("Registers several signals as one change.");
        v1.MapPost("/signal-withdrawals", Withdraw)
            .RequireAuthorization(p => p.AddRequirements(ServiceRule.Registering))
            .Produces<Signal>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("withdrawSignal")
            .WithSummary("Withdraws the organisation's active signal on a youth, with the reason; a retry with the same Idempotency-Key gets the first answer.");
    }

    private static async Task<IResult> Register(SignalRequest request, HttpContext context, ReferenceIndex index)
    {
        var registration = RegistrationOf(request, context);
        if (context.Request.Headers[CareCoordinationApi.IdempotencyKeyHeader].ToString() is { Length: > 0 } key)
        {
            registration = registration.WithIdempotencyKey(ScopedKey(context, key));
        }

        // A client that hangs up before the registration is queued leaves no trace; once queued, it completes.
        var result = await index.RegisterAsync(registration, context.RequestAborted);
        return result.IsRefused ? Refusal(result) : TypedResults.Ok(ResponseOf(result));
    }

    private static async Task<IResult> RegisterBatch(SignalBatchRequest request, HttpContext context, ReferenceIndex index, IOptions<CareCoordinationServiceOptions> options)
    {
        var max = options.Value.MaxBatchLength;
        if (request.Registrations.Count == 0 || request.Registrations.Count > max)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, $"A batch holds 1 to {max} registrations; this one holds {request.Registrations.Count}.");
        }

        var key = context.Request.Headers[CareCoordinationApi.IdempotencyKeyHeader].ToString() is { Length: > 0 } header ? ScopedKey(context, header) : null;
        var registrations = new List<SignalRegistration>(request.Registrations.Count);
        for (var i = 0; i < request.Registrations.Count; i++)
        {
            var registration = RegistrationOf(request.Registrations[i] ?? throw new System.ArgumentException($"Registration {i} of the batch is null."), context);
            // Each registration of a retried batch finds its own first answer under the batch's key and its position.
            registrations.Add(key is null ? registration : registration.WithIdempotencyKey(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key}/{i}")));
        }

        var results = await index.RegisterBatchAsync(registrations, context.RequestAborted);
        var answers = new List<RegistrationResponse>(results.Count);
        foreach (var result in results)
        {
            answers.Add(ResponseOf(result));
        }

        return TypedResults.Ok(new SignalBatchResponse(answers));
    }

    // A retry with the Idempotency-Key is answered by IdempotentWrites, durably, before it gets here.
    private static async Task<IResult> Withdraw(WithdrawalRequest request, HttpContext context, PersonDataAccess access)
    {
        if (!System.Enum.IsDefined(request.Reason))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "The reason is not one of " + string.Join(", ", System.Enum.GetNames<WithdrawalReason>()) + ".");
        }

        // A client that hangs up before the withdrawal is queued leaves no trace; once queued, it completes.
        return TypedResults.Ok(await access.WithdrawAsync(Caller.Actor(context), request.Bsn, request.Reason, context.RequestAborted));
    }

    private static SignalRegistration RegistrationOf(SignalRequest request, HttpContext context)
    {
        if (request.Bsn.IsDefault)
        {
            throw new System.ArgumentException("The bsn is missing.");
        }

        if (!System.Enum.IsDefined(request.Criterion) || request.Criterion == ReportingCriterion.None)
        {
            throw new System.ArgumentException("The criterion is not one the API knows.");
        }

        return new SignalRegistration(new Youth(request.Bsn, request.DateOfBirth), Caller.Organisation(context), Caller.Professional(context), request.Criterion);
    }

    // A key is the vendor's own (an outbox entry's id): two organisations may use the same one, so the service keeps
    // each organisation's keys apart.
    private static string ScopedKey(HttpContext context, string key) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Caller.Organisation(context).Value}:{CheckedKey(key)}");

    private static string CheckedKey(string key) =>
        IdempotencyKeyMetadata.IsWellFormed(key)
            ? key
            : throw new System.ArgumentException("The Idempotency-Key header holds 1 to 100 visible ASCII characters.");

    private static RegistrationResponse ResponseOf(RegistrationResult result) => new(result.Outcome, result.Signal, result.MatchCount);

    private static IResult Refusal(RegistrationResult result)
    {
        var status = result.Refusal switch
        {
            RegistrationRefusal.UnknownOrganisation or RegistrationRefusal.OrganisationNotAuthorised or RegistrationRefusal.NoMunicipalAgreement
                or RegistrationRefusal.UnknownReporter or RegistrationRefusal.ReporterNotDesignated => StatusCodes.Status403Forbidden,
            // A retry of a key whose signal was erased since conflicts with the state the key's request left: 409, as
            // a key used for another request, never a new registration.
            RegistrationRefusal.IdempotencyKeyConflict or RegistrationRefusal.IdempotencyKeySignalRemoved => StatusCodes.Status409Conflict,
            RegistrationRefusal.InvalidRegistration => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Problems.Of(status, result.Message, status == StatusCodes.Status403Forbidden ? "rule 2 who may signal" : null);
    }
}
