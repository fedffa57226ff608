using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

/// <summary>Rules every command on an existing order shares.</summary>
public class CommonRulesTests
{
    public static TheoryData<string> CommandsOnAnOrder => new(Commands.Keys);

    private static readonly Dictionary<string, IWorkOrderCommand> Commands = new()
    {
        ["classify"] = new ClassifyUrgency(A.OrderId, UrgencyClass.Urgent, A.Policy, A.Supervisor),
        ["dispatch"] = new DispatchTechnician(A.OrderId, "tech-7", A.T0, A.Agent),
        ["arrive"] = new RecordArrival(A.OrderId, A.Technician),
        ["quote"] = new IssueQuote(A.OrderId, 80m, "FS", A.Technician),
        ["accept"] = new AcceptQuote(A.OrderId, A.Agent),
        ["decline"] = new DeclineQuote(A.OrderId, A.Agent),
        ["start"] = new StartWork(A.OrderId, A.Technician),
        ["materials"] = new RequestMaterials(A.OrderId, [new MaterialLine("LOCK", 1, "pcs")], A.Technician),
        ["complete"] = new CompleteWork(A.OrderId, "Zhang", null, A.Policy, A.Technician),
        ["follow-up"] = new RecordFollowUp(A.OrderId, FollowUpOutcome.Satisfied, null, null, A.Policy, A.Agent),
        ["rework-notice"] = new IssueReworkNotice(A.OrderId, "tech-7", A.Agent),
        ["close"] = new CloseWorkOrder(A.OrderId, A.Agent),
        ["mark-sla"] = new MarkSlaBreached(A.OrderId, Actor.System),
        ["rectification"] = new IssueRectificationNotice(A.OrderId, "Contractor", "Subject", A.T0.AddYears(1), A.Agent),
        ["rectification-reply"] = new RecordRectificationReply(A.OrderId, Guid.NewGuid(), "Reply", A.Agent),
        ["materials-issued"] = new RecordMaterialsIssued(A.OrderId, Guid.NewGuid(), Guid.NewGuid(), [], A.T0, Actor.System),
    };

    [Theory]
    [MemberData(nameof(CommandsOnAnOrder))]
    public void Commands_on_an_order_that_was_never_logged_are_not_found(string command) =>
        Scenario.Given().When(Commands[command], A.T0).ThenRejected("work-order-not-found", RejectionKind.NotFound);

    [Theory]
    [InlineData("classify")]
    [InlineData("dispatch")]
    [InlineData("follow-up")]
    [InlineData("rework-notice")]
    [InlineData("rectification")]
    public void A_closed_order_takes_no_further_commands(string command) =>
        Scenario.Given([.. History.ReadyToClose(), new WorkOrderClosed(History.CompletedAt.AddDays(2))])
            .When(Commands[command], History.CompletedAt.AddDays(3))
            .ThenRejected("work-order-closed", RejectionKind.Conflict);

    [Fact]
    public void Every_command_on_an_existing_order_is_covered_by_these_rules()
    {
        var creating = new[] { typeof(LogWorkOrder), typeof(OpenFromComplaint), typeof(OpenFromFireSafety) };
        var all = typeof(IWorkOrderCommand).Assembly.GetTypes()
            .Where(t => typeof(IWorkOrderCommand).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false });

        Assert.Equal(
            all.Except(creating).Select(t => t.Name).Order(),
            Commands.Values.Select(c => c.GetType().Name).Order());
    }
}
