using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;

namespace Platform.BuildingBlocks.Http;

/// <summary>
/// RFC 9457 problem details with a stable <c>type</c> per rule, so clients can branch on the type
/// rather than on the wording.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static string TypeFor(string code) => Problems.Type(code);

    public static IResult Problem(int status, string code, string title, string? detail = null,
        IDictionary<string, string[]>? errors = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Type = TypeFor(code);
        problem.Title = title;
        problem.Detail = detail;
        if (extensions is not null)
            foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return Results.Problem(problem);
    }

    /// <summary>One bad field: 400 for input that could not be read, 422 for input that breaks a rule.</summary>
    public static IResult InvalidField(string field, string code, string detail, int status = StatusCodes.Status422UnprocessableEntity) =>
        Problem(status, code, "The request has an invalid field.", detail,
            new Dictionary<string, string[]> { [field] = [detail] });

    public static IResult FromRejection(Rejection rejection) => rejection.Kind switch
    {
        RejectionKind.Invalid => InvalidField(rejection.Field ?? "body", rejection.Code, rejection.Detail),
        RejectionKind.Forbidden => Problem(StatusCodes.Status403Forbidden, rejection.Code, "Your role may not do this.", rejection.Detail),
        RejectionKind.NotFound => Problem(StatusCodes.Status404NotFound, rejection.Code, "Not found.", rejection.Detail),
        _ => Problem(StatusCodes.Status409Conflict, rejection.Code, "The current state does not allow this.", rejection.Detail),
    };

    public static IResult NotFound(string what, string id) =>
        Problem(StatusCodes.Status404NotFound, $"{what}-not-found", "Not found.", $"No {what.Replace('-', ' ')} with id '{id}' is visible to you.");

    public static IResult EstateNotVisible(string estateId) =>
        Problem(StatusCodes.Status403Forbidden, "estate-not-visible", "Your role may not do this.",
            $"Your token does not cover estate '{estateId}'.");

    public static IResult PreconditionFailed(long currentRevision) =>
        Problem(StatusCodes.Status412PreconditionFailed, "revision-mismatch", "The resource has changed.",
            $"If-Match does not name the current revision; it is now {ETags.Format(currentRevision)}. Read it again and retry.",
            extensions: new Dictionary<string, object?> { ["currentETag"] = ETags.Format(currentRevision) });

    public static IResult IdempotencyKeyReused(string key) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "The Idempotency-Key was used for another request.",
            $"Idempotency-Key '{key}' was first used with a different request. Use a new key for a new request.");
}
