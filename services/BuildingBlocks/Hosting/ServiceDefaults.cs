using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.Hosting;

/// <summary>Where a host hooks into the request pipeline that <see cref="ServiceDefaults.MapServiceDefaults"/> builds.</summary>
public sealed class ServiceDefaultsPipeline
{
    /// <summary>Serve this app's own OpenAPI document at <c>/openapi/{documentName}.json</c> (the gateway serves a merged one instead).</summary>
    public bool MapOpenApi { get; init; } = true;

    /// <summary>Runs after authentication and before authorization, e.g. a rate limiter that partitions by the caller.</summary>
    public Action<WebApplication>? BeforeAuthorization { get; init; }
}

public static class ServiceDefaults
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>Entries that inform an operator (the lead replica, parked items) and do not decide readiness: in <c>/health</c> only.</summary>
    public const string InformationTag = "info";
    public const string MassTransitSource = "MassTransit";

    // Long enough for a cluster to elect a new leader.
    private const string StoreRetryAfterSeconds = "5";

    /// <summary>
    /// Problem details, JSON conventions, OpenTelemetry, console logging, health checks, shutdown timeout and
    /// the OpenAPI document: what every platform host shares.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var services = builder.Services;

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // Framework defaults point at RFC sections; clients branch on our stable types instead.
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal)
                || problem.Type.StartsWith("https://datatracker.ietf.org/", StringComparison.Ordinal))
                problem.Type = Problems.ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions.TryAdd("correlationId", context.HttpContext.GetCorrelationId());
            // A query or route value that could not be bound: say which one ("Failed to bind parameter \"bool? overdue\" from \"abc\".").
            if (context.Exception is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status400BadRequest)
                problem.Detail ??= bad.Message;
            if (StoreUnavailable.Is(context.Exception))
            {
                problem.Type = Problems.StoreUnavailable;
                problem.Title = "The event store cannot be reached right now.";
                problem.Detail = "Nothing was stored. Try again shortly; a repeat with the same Idempotency-Key is safe.";
                context.HttpContext.Response.Headers.RetryAfter = StoreRetryAfterSeconds;
            }
        });
        // Binding failures throw in every environment, so the exception handler answers them as problem+json with the reason.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.PropertyNamingPolicy = PlatformJson.Options.PropertyNamingPolicy;
            json.DictionaryKeyPolicy = PlatformJson.Options.DictionaryKeyPolicy;
            json.DefaultIgnoreCondition = PlatformJson.Options.DefaultIgnoreCondition;
            foreach (var converter in PlatformJson.Options.Converters)
                json.Converters.Add(converter);
        });

        // Before OpenTelemetry: clearing providers afterwards would drop the OTLP log exporter.
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
            builder.Logging.AddSimpleConsole(options =>
            {
                options.IncludeScopes = true;
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        else
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });

        // The framework logs every non-healthy check at every poll, with its stack trace; HealthTransitionLog says each change once.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Critical);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(MassTransitSource)
                .AddSource(Messaging.IntegrationEventPublisher.ActivitySourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(MassTransitSource)
                .AddMeter(PlatformMetrics.MeterName)
                .AddPrometheusExporter());
        // Exporting is opt-in: without a collector the SDK would only log connection failures.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();

        services.AddHealthChecks()
            .AddCheck(serviceName, () => HealthCheckResult.Healthy("The process is running."), [LiveTag, ReadyTag]);
        services.AddSingleton<IHealthCheckPublisher, HealthTransitionLog>();
        services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(2);
            options.Period = TimeSpan.FromSeconds(5);
            // MassTransit's own bus check says what the broker check says, in more words.
            options.Predicate = check => !check.Tags.Contains("masstransit");
        });

        var shutdownSeconds = builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30);
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(shutdownSeconds));

        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = $"{serviceName} API";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer(BearerSecurityTransformers.AddScheme);
            options.AddOperationTransformer(BearerSecurityTransformers.MarkSecuredOperation);
            options.AddOperationTransformer(ApiDocumentTransformers.DescribeRoles);
            options.AddSchemaTransformer(ApiDocumentTransformers.DescribeEnum);
            options.AddDocumentTransformer(ApiDocumentTransformers.DescribeRequestBodies);
        });

        return builder;
    }

    /// <summary>
    /// The shared pipeline: correlation id, problem+json for exceptions and bare error statuses, routing,
    /// authentication and authorization (when registered), health endpoints and the OpenAPI document.
    /// Call it before mapping the app's own endpoints.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app, ServiceDefaultsPipeline? pipeline = null)
    {
        pipeline ??= new ServiceDefaultsPipeline();

        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>(RequestSizeLimits.FromConfiguration(app.Configuration));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when StoreUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseRouting();
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
            app.UseAuthentication();
        pipeline.BeforeAuthorization?.Invoke(app);
        if (app.Services.GetService<IAuthorizationPolicyProvider>() is not null)
            app.UseAuthorization();

        // Everything, including what does not decide readiness (the broker: Degraded while it is away; the lead replica).
        // Prometheus scrapes every instance here; the Ingress does not route it (deploy/k8s).
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new Microsoft.AspNetCore.Routing.ExcludeFromDescriptionAttribute()).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous().DisableRateLimiting();

        if (pipeline.MapOpenApi)
            app.MapOpenApi().AllowAnonymous();

        return app;
    }
}
