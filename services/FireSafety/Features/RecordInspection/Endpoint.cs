using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.FireSafety.Api;
using Platform.FireSafety.ReadModel;

using NewInspection = Platform.BuildingBlocks.Http.NewAggregate<Platform.FireSafety.Inspections.IInspectionCommand>;

namespace Platform.FireSafety.Features;

/// <param name="Month">The month inspected, "2026-06".</param>
/// <param name="RequiredSigners">The user ids of the people concerned, who must sign the record (000:610).</param>
public sealed record RecordInspectionRequest(
    [Required] string? EstateId, [Required] string? Month, [Required] string? Department, [Required] string? Findings, [Required] IReadOnlyList<string>? RequiredSigners);

public static class InspectionEndpoints
{
    public static void Map(RouteGroupBuilder fire)
    {
        fire.MapPost("/inspections", RecordAsync)
            .WithName("RecordInspection")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Record the month's fire inspection of a department (000:609-610), naming who must sign it; the department's open hazards are listed for re-checking.")
            .Accepts<RecordInspectionRequest>("application/json")
            .Produces<InspectionView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fire.MapPost("/inspections/{id:guid}/signatures", (Guid id, HttpContext http, InspectionCommands inspections, CancellationToken ct) =>
                inspections.ExecuteAsync(http, id, "", (by, _) => new SignInspection(id, by), ct))
            .WithName("SignInspection")
            .RequireRoles(FireRoles.Staff)
            .WithSummary("Sign the inspection record, as one of the people it names (000:610).")
            .Produces<InspectionView>()
            .ProducesCommandProblems();

        fire.MapPost("/inspections/{id:guid}/notification", (Guid id, HttpContext http, InspectionCommands inspections, CancellationToken ct) =>
                inspections.ExecuteAsync(http, id, "", (by, _) => new NotifyInspectedDepartment(id, by), ct))
            .WithName("NotifyInspectedDepartment")
            .RequireRoles(FireRoles.Officers)
            .WithSummary("Notify the inspected department of the signed record (000:611).")
            .Produces<InspectionView>()
            .ProducesCommandProblems();

        fire.MapGet("/inspections/{id:guid}", (Guid id, HttpContext http, InspectionCommands inspections, CancellationToken ct) => inspections.GetAsync(http, id, ct))
            .WithName("GetInspection")
            .WithSummary("One inspection record: findings, who signed and who is still to sign, the hazards it re-checks.")
            .Produces<InspectionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> RecordAsync(HttpContext http, InspectionCommands inspections, FireRegister register, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<RecordInspectionRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var b = body.Body!;
        var open = b.EstateId is { } e && b.Department is { } d ? await register.OpenHazardsOfAsync(e.Trim(), d.Trim(), ct) : [];
        return await inspections.CreateAsync(http, body.RawText, (by, _) =>
        {
            var estate = Need.Text(b.EstateId, "estateId");
            var month = Need.Text(b.Month, "month");
            var department = Need.Text(b.Department, "department");
            var id = FireStreams.InspectionId(estate, department, month);
            return NewInspection.At(id, new RecordInspection(id, estate, month, department, Need.Text(b.Findings, "findings"), Need.Item(b.RequiredSigners, "requiredSigners"),
                open, by), estate.Trim());
        }, ct);
    }
}
