using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.BuildingBlocks.Hosting;

public static class ProblemResponses
{
    /// <summary>
    /// Writes an RFC 9457 problem+json body from middleware (auth events, rate limiter), going through the
    /// registered <see cref="IProblemDetailsService"/> so it carries the same extensions as every other error.
    /// </summary>
    public static async Task WriteProblemAsync(
        this HttpContext context, int status, string type, string title, string? detail = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = detail,
            Instance = context.Request.Path,
        };

        var service = context.RequestServices.GetService<IProblemDetailsService>();
        if (service is not null && await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            return;

        // No problem-details service (or it declined because of the Accept header): the body must still be problem+json.
        context.Response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(context.Response.Body, problem, PlatformJson.Options, context.RequestAborted);
    }
}
