using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.WorkOrders.Api;

namespace Platform.WorkOrders.Features;

public sealed record LogWorkOrderRequest(
    string? Channel,
    string? Type,
    UnitRequest? Unit,
    ReporterRequest? Reporter,
    [FreeText] string? Content,
    string? Category,
    string? Urgency);

public sealed record UnitRequest(string? EstateId, string? Building, string? Entrance, string? Room);

public sealed record ReporterRequest(string? Name, string? Phone);

public static class LogWorkOrderEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/", HandleAsync)
            .WithName("LogWorkOrder")
            .WithSummary("Log a repair or special-service request (报修), at any hour. Send an Idempotency-Key to make retries safe.")
            .Accepts<LogWorkOrderRequest>("application/json")
            .Produces<WorkOrderView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> HandleAsync(HttpContext http, WorkOrderCommands commands, CancellationToken ct)
    {
        var read = await CommandRequest.ReadBodyAsync<LogWorkOrderRequest>(http.Request, ct);
        if (read.Problem is not null) return read.Problem;
        var body = read.Body!;

        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, read.RawText, out var envelope, out var problem)) return problem!;

        IntakeChannel? channel;
        WorkOrderType? type;
        UrgencyClass? urgency;
        try
        {
            channel = Codes.Read<IntakeChannel>(body.Channel, "channel");
            type = Codes.Read<WorkOrderType>(body.Type, "type");
            urgency = Codes.Read<UrgencyClass>(body.Urgency, "urgency");
        }
        catch (UnreadableFieldException unreadable)
        {
            return ApiProblems.InvalidField(unreadable.Field, "malformed-field", unreadable.Message, StatusCodes.Status400BadRequest);
        }
        channel ??= http.User.IsResidentOnly() ? IntakeChannel.ResidentApp : null;
        if (channel is null)
            return ApiProblems.InvalidField("channel", "channel-required", "Say which intake channel the request came through.");

        var estateId = body.Unit?.EstateId?.Trim() ?? "";
        if (estateId.Length > 0 && !http.User.CanSeeEstate(estateId)) return ApiProblems.EstateNotVisible(estateId);

        // With an Idempotency-Key the id is derived from it, so a retried request finds its own stream.
        var id = envelope.IdempotencyKey is { } key ? DeterministicId.Create("work-order", key) : Guid.CreateVersion7();
        var command = new LogWorkOrder(
            id,
            channel.Value,
            type ?? WorkOrderType.Repair,
            new UnitAddress(estateId, body.Unit?.Building ?? "", body.Unit?.Entrance, body.Unit?.Room),
            body.Reporter is null ? null : new Reporter(body.Reporter.Name, body.Reporter.Phone),
            ComplaintId: null,
            body.Content ?? "",
            body.Category,
            urgency,
            commands.Policies.For(estateId),
            actor);

        var outcome = await commands.Handler.HandleAsync(WorkOrderStream.For(id), command, envelope, ct);
        return outcome.ToHttp(http, state => WorkOrderView.From(state, http.User), $"{WorkOrdersService.RoutePrefix}/{id}");
    }
}
