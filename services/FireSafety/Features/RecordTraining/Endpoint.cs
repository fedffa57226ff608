using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
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

        fire.MapGet("/training/{id:guid}", (Guid id, HttpContext http, TrainingCommands training, CancellationToken ct) => training.GetAsync(http, id, ct))
            .WithName("GetTraining")
            .WithSummary("One training record.")
            .Produces<TrainingView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
