using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;

namespace Platform.WorkOrders.Api;

/// <summary>Runs a work-order command for an HTTP request (the kernel's <see cref="HttpCommands{TState, TCommand}"/>).</summary>
public sealed class WorkOrderCommands(CommandHandler<WorkOrderState, IWorkOrderCommand> handler, WorkOrderPolicies policies)
    : HttpCommands<WorkOrderState, IWorkOrderCommand>(handler)
{
    public WorkOrderPolicies Policies => policies;

    protected override string ResourceName => "work-order";

    protected override string RoutePrefix => WorkOrdersService.RoutePrefix;

    public override string StreamFor(Guid id) => WorkOrderStream.For(id);

    public override bool CanSee(ClaimsPrincipal user, WorkOrderState state) => Access.CanSee(user, state);

    public override object Represent(WorkOrderState state, ClaimsPrincipal user) => WorkOrderView.From(state, user);

    /// <summary>The policy of the order's estate, for commands that compute deadlines.</summary>
    public WorkOrderPolicy PolicyOf(WorkOrderState state) => policies.For(state.Unit.EstateId);
}

/// <summary>Commands the service issues on its own behalf: the SLA watcher and the integration consumers.</summary>
public sealed class WorkOrderCommandsForSystem(CommandHandler<WorkOrderState, IWorkOrderCommand> handler, WorkOrderPolicies policies)
{
    public Task<CommandOutcome<WorkOrderState>> MarkSlaBreachedAsync(Guid workOrderId, CancellationToken ct) =>
        handler.HandleAsync(
            WorkOrderStream.For(workOrderId),
            new Features.MarkSlaBreached(workOrderId, Actor.System),
            new CommandEnvelope(Actor.System, CorrelationId: $"sla-watcher:{workOrderId}"),
            ct);

    public WorkOrderPolicy PolicyFor(string estateId) => policies.For(estateId);

    public Task<CommandOutcome<WorkOrderState>> HandleAsync(IWorkOrderCommand command, CommandEnvelope envelope, CancellationToken ct) =>
        handler.HandleAsync(WorkOrderStream.For(command.WorkOrderId), command, envelope, ct);
}
