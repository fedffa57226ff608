using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.WorkOrders.Api;

using NewWorkOrder = Platform.BuildingBlocks.Http.NewAggregate<Platform.WorkOrders.IWorkOrderCommand>;

namespace Platform.WorkOrders.Features;

/// <param name="Type">"repair" when omitted.</param>
/// <param name="Category">A kebab-case code such as "gas-fault"; it selects the estate's SLA for the category.</param>
/// <param name="Urgency">Classified from the content's keywords when omitted.</param>
public sealed record LogWorkOrderRequest(
    [RequiredWhen("unless the caller is a resident (then resident-app)")] IntakeChannel? Channel,
    WorkOrderType? Type,
    [Required] UnitRequest? Unit,
    [RequiredWhen("unless the channel is staff-patrol")] ReporterRequest? Reporter,
    [Required, FreeText] string? Content,
    string? Category,
    UrgencyClass? Urgency);

public sealed record UnitRequest([Required] string? EstateId, [Required] string? Building, string? Entrance, string? Room);

public sealed record ReporterRequest(
    [RequiredWhen("unless the channel is staff-patrol")] string? Name,
    [RequiredWhen("unless the channel is staff-patrol")] string? Phone);

public static class LogWorkOrderEndpoint
{
    public static void Map(RouteGroupBuilder orders) =>
        orders.MapPost("/", HandleAsync)
            .WithName("LogWorkOrder")
            .RequireRoles(WorkOrderRoles.Loggers)
            .WithSummary("Log a repair or special-service request (报修), at any hour. Send an Idempotency-Key to make retries safe.")
            .Accepts<LogWorkOrderRequest>("application/json")
            .Produces<WorkOrderView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> HandleAsync(HttpContext http, WorkOrderCommands commands, CancellationToken ct) =>
        commands.CreateAsync<LogWorkOrderRequest>(http, (body, actor, id) =>
        {
            var channel = body.Channel ?? (http.User.IsResidentOnly() ? IntakeChannel.ResidentApp : null);
            if (channel is null)
                return NewWorkOrder.Refused(ApiProblems.InvalidField("channel", "channel-required", "Say which intake channel the request came through."));

            var estateId = body.Unit?.EstateId?.Trim() ?? "";
            return NewWorkOrder.Of(new LogWorkOrder(
                id,
                channel.Value,
                body.Type ?? WorkOrderType.Repair,
                new UnitAddress(estateId, body.Unit?.Building ?? "", body.Unit?.Entrance, body.Unit?.Room),
                body.Reporter is null ? null : new Reporter(body.Reporter.Name, body.Reporter.Phone),
                ComplaintId: null,
                body.Content ?? "",
                body.Category,
                body.Urgency,
                commands.Policies.For(estateId),
                actor), estateId);
        }, ct);
}
