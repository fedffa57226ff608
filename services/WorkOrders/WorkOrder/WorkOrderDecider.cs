using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders;

/// <summary>A command on one work order. Every command says who acts; consumers and watchers use <see cref="Actor.System"/>.</summary>
public interface IWorkOrderCommand
{
    Guid WorkOrderId { get; }
    Actor By { get; }
}

/// <summary>A command through which money handed over on the spot could be recorded.</summary>
public interface IMayRecordCash
{
    /// <summary>Cash the owner handed over, in yuan; null or 0 when none.</summary>
    decimal? CashReceived { get; }
}

/// <summary>The work order's rules: folds its events and sends each command to its feature's decision.</summary>
public sealed class WorkOrderDecider : Decider<WorkOrderState, IWorkOrderCommand>
{
    public override WorkOrderState Initial => WorkOrderState.Initial;

    public override WorkOrderState Evolve(WorkOrderState state, object @event) => state.Apply(@event);

    public override Decision Decide(IWorkOrderCommand command, WorkOrderState state, DateTimeOffset now)
    {
        if (RefuseCash(command) is { } cash) return cash;

        return command switch
        {
            LogWorkOrder c => LogWorkOrder.Decide(c, state, now),
            OpenFromComplaint c => OpenFromComplaint.Decide(c, state, now),
            OpenFromFireSafety c => OpenFromFireSafety.Decide(c, state, now),
            ClassifyUrgency c => ClassifyUrgency.Decide(c, state, now),
            DispatchTechnician c => DispatchTechnician.Decide(c, state, now),
            RecordArrival c => RecordArrival.Decide(c, state, now),
            IssueQuote c => IssueQuote.Decide(c, state, now),
            AcceptQuote c => AcceptQuote.Decide(c, state, now),
            DeclineQuote c => DeclineQuote.Decide(c, state, now),
            StartWork c => StartWork.Decide(c, state, now),
            RequestMaterials c => RequestMaterials.Decide(c, state, now),
            RecordMaterialsIssued c => RecordMaterialsIssued.Decide(c, state, now),
            CompleteWork c => CompleteWork.Decide(c, state, now),
            RecordFollowUp c => RecordFollowUp.Decide(c, state, now),
            IssueReworkNotice c => IssueReworkNotice.Decide(c, state, now),
            CloseWorkOrder c => CloseWorkOrder.Decide(c, state, now),
            MarkSlaBreached c => MarkSlaBreached.Decide(c, state, now),
            IssueRectificationNotice c => IssueRectificationNotice.Decide(c, state, now),
            RecordRectificationReply c => RecordRectificationReply.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a work-order command.", nameof(command)),
        };
    }

    /// <summary>
    /// 「维修(服务)人员不得直接向业户收费」 (001:273): a technician never records cash, on any command. Nobody else records
    /// it here either: charges go to Fees through the billing hand-over, and Fees records payments.
    /// </summary>
    private static Rejection? RefuseCash(IWorkOrderCommand command)
    {
        if (command is not IMayRecordCash { CashReceived: > 0 }) return null;
        return command.By.HasRole(Roles.Technician)
            ? Rejection.Forbidden("technician-cannot-take-cash", "Technicians may not take payment from the owner; the charge is billed through Fees.")
            : Rejection.Invalid("payments-are-recorded-in-fees", "cashReceived", "Payments are recorded in the Fees service, not on a work order.");
    }
}
