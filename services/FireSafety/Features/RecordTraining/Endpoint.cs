using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.ReadModel;
using Platform.FireSafety.Training;

using NewTraining = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.Training.ITrainingCommand>;

namespace Platform.FireSafety.Features;

public sealed record ExamResultRequest([Required] string? StaffId, [Required] bool? Passed);

/// <param name="Audience">all-staff, brigade or new-staff.</param>
/// <param name="ExamResults">Required for new staff: each attendee's exam result.</param>
public sealed record RecordTrainingRequest(
    [Required] string? EstateId, [Required] TrainingAudience? Audience, [Required] string? Topic, [Required] DateOnly? HeldOn, [Required] string? Trainer,
    [Required] IReadOnlyList<string>? Attendees, [RequiredWhen("when audience is new-staff")] IReadOnlyList<ExamResultRequest>? ExamResults);

public static class TrainingEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/training", (HttpContext http, TrainingCommands training, CancellationToken ct) =>
                training.CreateAsync<RecordTrainingRequest>(http, (b, by, id) =>
                {
                    var estate = Need.Text(b.EstateId, "estateId");
                    var results = (b.ExamResults ?? []).Select((r, i) =>
                    {
                        var result = Need.Item(r, $"examResults[{i}]");
                        return new ExamResult(Need.Text(result.StaffId, $"examResults[{i}].staffId"), Need.Value(result.Passed, $"examResults[{i}].passed"));
                    }).ToList();
                    return NewTraining.Of(new RecordTraining(id, estate, Need.Value(b.Audience, "audience"), Need.Text(b.Topic, "topic"), Need.Value(b.HeldOn, "heldOn"),
                        Need.Text(b.Trainer, "trainer"), Need.Item(b.Attendees, "attendees"), results, by), estate.Trim());
                }, ct))
            .WithName("RecordTraining")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Record a fire-safety training with its attendees; new staff with each one's exam result (000:605). Send an Idempotency-Key.")
            .Accepts<RecordTrainingRequest>("application/json")
            .Produces<TrainingView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapGet("/training/clearance", ClearanceAsync)
            .WithName("GetNewStaffClearance")
            .WithSummary("Whether a new member of staff has passed the pre-job fire-safety exam and may take up the post (000:605).")
            .Produces<NewStaffClearance>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

        fire.MapGet("/training/{id:guid}", (Guid id, HttpContext http, TrainingCommands training, CancellationToken ct) => training.GetAsync(http, id, ct))
            .WithName("GetTraining")
            .WithSummary("One training record.")
            .Produces<TrainingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ClearanceAsync(HttpContext http, ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner, CancellationToken ct,
        string? estateId = null, string? staffId = null)
    {
        if (string.IsNullOrWhiteSpace(estateId)) return ApiProblems.InvalidField("estateId", "estate-required", "Name the estate.", StatusCodes.Status400BadRequest);
        if (!http.User.CanSeeEstate(estateId)) return ApiProblems.EstateNotVisible(estateId);
        if (string.IsNullOrWhiteSpace(staffId)) return ApiProblems.InvalidField("staffId", "staff-id-required", "Name the member of staff.", StatusCodes.Status400BadRequest);
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } wait) return wait;
        var results = database.Query("SELECT held_on, passed FROM fs_exam_results WHERE estate_id = $estate AND staff_id = $staff ORDER BY held_on;",
            r => (HeldOn: DateOnly.Parse(r.GetString(0), System.Globalization.CultureInfo.InvariantCulture), Passed: r.GetInt32(1) == 1),
            ("$estate", estateId), ("$staff", staffId.Trim()));
        var passed = results.Where(r => r.Passed).Select(r => (DateOnly?)r.HeldOn).FirstOrDefault();
        return Results.Ok(new NewStaffClearance(estateId, staffId.Trim(), passed is not null, passed, results.Count(r => !r.Passed)));
    }
}

/// <summary>A new member of staff takes up the post once they pass the pre-job exam (000:605): when, and the attempts failed before.</summary>
public sealed record NewStaffClearance(string EstateId, string StaffId, bool Cleared, DateOnly? PassedOn, int FailedAttempts);
