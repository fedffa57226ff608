using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.Fees.CollectionDrives;
using Platform.Fees.ReadModel;

namespace Platform.Fees.Features;

/// <param name="DueOnOrBefore">The drive chases the estate's charges due on or before this day.</param>
/// <param name="EndsAt">A month after the start when omitted.</param>
public sealed record StartCollectionDriveRequest([Required] string? EstateId, [Required] string? Name, [Required] DateOnly? DueOnOrBefore, DateTimeOffset? EndsAt);

/// <summary>A drive and its progress: <see cref="Now"/> is measured live while it runs; once ended, its recorded end figures.</summary>
public sealed record CollectionDriveView(
    Guid Id, string EstateId, string Name, DateOnly DueOnOrBefore, DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Ended,
    DriveFigures AtStart, DriveFigures Now, decimal? CollectedShare);

public static class CollectionDriveEndpoints
{
    public static void Map(RouteGroupBuilder fees)
    {
        fees.MapPost("/collection-drives", StartAsync)
            .WithName("StartCollectionDrive")
            .RequireRoles([.. FeeRoles.Finance, .. FeeRoles.Approvers])
            .WithSummary("Start a collection drive (清缴) over the charges due by a day, for a month by default (000:136). Send an Idempotency-Key.")
            .Accepts<StartCollectionDriveRequest>("application/json")
            .Produces<CollectionDriveView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fees.MapPost("/collection-drives/{id:guid}/end", EndAsync)
            .WithName("EndCollectionDrive")
            .RequireRoles([.. FeeRoles.Finance, .. FeeRoles.Approvers])
            .WithSummary("End a drive before its end; at its end the service ends it by itself.")
            .Produces<CollectionDriveView>()
            .ProducesCommandProblems();

        fees.MapGet("/collection-drives/{id:guid}", GetAsync)
            .WithName("GetCollectionDrive")
            .WithSummary("A drive's progress: the arrears in scope at its start and now, and what payments brought to those charges since.")
            .Produces<CollectionDriveView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> StartAsync(HttpContext http, CommandHandler<CollectionDriveState, ICollectionDriveCommand> drives, DriveFiguresQuery figures,
        ProjectionRunner<FeesProjection> runner, TimeProvider time, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<StartCollectionDriveRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, body.RawText, out var envelope, out var problem)) return problem!;
        var b = body.Body!;
        var (parts, missing) = CommandRequest.Build(() =>
            (Estate: Need.Text(b.EstateId, "estateId").Trim(), Name: Need.Text(b.Name, "name"), Due: Need.Value(b.DueOnOrBefore, "dueOnOrBefore")));
        if (missing is not null) return missing;
        if (!http.User.CanSeeEstate(parts.Estate)) return ApiProblems.EstateNotVisible(parts.Estate);

        // The arrears at the start are measured on a read model that has every write before this request.
        await runner.CatchUpWithStoreAsync(TimeSpan.FromSeconds(10), ct);
        var now = time.GetUtcNow();
        var id = envelope.IdempotencyKey is { } key ? DeterministicId.Create("collection-drive", key) : Guid.CreateVersion7();
        var command = new StartCollectionDrive(id, parts.Estate, parts.Name, parts.Due, b.EndsAt ?? now + StartCollectionDrive.DefaultLength,
            figures.Measure(parts.Estate, parts.Due, now, now), actor);
        var outcome = await drives.HandleAsync(FeeStreams.CollectionDrives.For(id), command, envelope, ct);
        return outcome.ToHttp(http, state => View(id, state, figures, now), $"{FeesService.RoutePrefix}/collection-drives/{id}");
    }

    private static async Task<IResult> EndAsync(Guid id, HttpContext http, CommandHandler<CollectionDriveState, ICollectionDriveCommand> drives,
        DriveFiguresQuery figures, ProjectionRunner<FeesProjection> runner, TimeProvider time, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, "", out var envelope, out var problem)) return problem!;
        var stream = FeeStreams.CollectionDrives.For(id);
        var drive = await drives.LoadAsync(stream, ct);
        if (!drive.State.Exists || !http.User.CanSeeEstate(drive.State.EstateId)) return ApiProblems.NotFound("collection-drive", id.ToString());

        await runner.CatchUpWithStoreAsync(TimeSpan.FromSeconds(10), ct);
        var now = time.GetUtcNow();
        var state = drive.State;
        var end = new EndCollectionDrive(id, figures.Measure(state.EstateId, state.DueOnOrBefore, state.StartedAt, now < state.EndsAt ? now : state.EndsAt), actor);
        var outcome = await drives.HandleAsync(stream, end, envelope, ct, drive);
        return outcome.ToHttp(http, s => View(id, s, figures, now));
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, CommandHandler<CollectionDriveState, ICollectionDriveCommand> drives,
        DriveFiguresQuery figures, ProjectionRunner<FeesProjection> runner, TimeProvider time, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        var drive = await drives.LoadAsync(FeeStreams.CollectionDrives.For(id), ct);
        if (!drive.State.Exists || !http.User.CanSeeEstate(drive.State.EstateId)) return ApiProblems.NotFound("collection-drive", id.ToString());
        http.Response.Headers.ETag = ETags.Format(drive.Revision);
        return Results.Ok(View(id, drive.State, figures, time.GetUtcNow()));
    }

    private static CollectionDriveView View(Guid id, CollectionDriveState s, DriveFiguresQuery figures, DateTimeOffset now)
    {
        var current = s.AtEnd ?? figures.Measure(s.EstateId, s.DueOnOrBefore, s.StartedAt, now < s.EndsAt ? now : s.EndsAt);
        return new CollectionDriveView(id, s.EstateId, s.Name, s.DueOnOrBefore, s.StartedAt, s.EndsAt, s.Ended, s.AtStart!, current,
            s.AtStart!.Owed == 0 ? null : decimal.Round(current.Collected / s.AtStart.Owed, 4));
    }
}
