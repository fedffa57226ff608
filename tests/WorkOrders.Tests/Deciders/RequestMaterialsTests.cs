using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class RequestMaterialsTests
{
    private static readonly DateTimeOffset At = History.StartedAt.AddMinutes(5);
    private static readonly MaterialLine Lock = new("LOCK-IN-01", 1m, "pcs");

    private static RequestMaterials Request(params MaterialLine[] lines) => new(A.OrderId, lines.Length == 0 ? [Lock] : lines, A.Technician);

    [Fact]
    public void The_technician_requests_materials_with_item_lines()
    {
        var requested = Scenario.Given(History.InProgress())
            .When(Request(Lock, new MaterialLine("PIPE-PVC-20", 2.5m, "m")), At)
            .Single<MaterialsRequested>();

        Assert.Equal(("tech-7", At), (requested.TechnicianId, requested.RequestedAt));
        Assert.Equal([Lock, new MaterialLine("PIPE-PVC-20", 2.5m, "m")], requested.Lines);
    }

    [Fact]
    public void Material_lines_are_required() =>
        Scenario.Given(History.InProgress())
            .When(new RequestMaterials(A.OrderId, [], A.Technician), At)
            .ThenRejected("materials-lines-required", RejectionKind.Invalid, "lines");

    [Theory]
    [InlineData("", "1", "pcs", "item-code-required", "lines[1].itemCode")]
    [InlineData("LOCK-IN-01", "0", "pcs", "quantity-invalid", "lines[1].quantity")]
    [InlineData("LOCK-IN-01", "-1", "pcs", "quantity-invalid", "lines[1].quantity")]
    [InlineData("LOCK-IN-01", "1", " ", "unit-of-measure-required", "lines[1].unit")]
    public void Each_material_line_has_an_item_code_a_positive_quantity_and_a_unit(string item, string quantity, string unit, string code, string field) =>
        Scenario.Given(History.InProgress())
            .When(Request(Lock, new MaterialLine(item, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), unit)), At)
            .ThenRejected(code, RejectionKind.Invalid, field);

    [Fact]
    public void Materials_for_paid_work_wait_for_the_owners_acceptance() =>
        Scenario.Given(History.AwaitingQuote())
            .When(Request(), At)
            .ThenRejected("work-before-quote-accepted", RejectionKind.Conflict);

    [Fact]
    public void Materials_for_paid_work_can_be_requested_once_the_quote_is_accepted() =>
        Scenario.Given(History.QuoteAccepted()).When(Request(), At).Single<MaterialsRequested>();

    [Fact]
    public void Materials_for_a_paid_service_are_not_requested_before_a_quote_is_accepted() =>
        Scenario.Given(History.OnSite(History.Logged(type: WorkOrderType.Service)))
            .When(Request(), At)
            .ThenRejected("work-before-quote-accepted", RejectionKind.Conflict);

    [Fact]
    public void Materials_are_requested_by_the_technician_on_site() =>
        Scenario.Given(History.Dispatched()).When(Request(), At).ThenRejected("materials-need-work-on-site", RejectionKind.Conflict);

    [Fact]
    public void Each_request_gets_its_own_id()
    {
        var first = Scenario.Given(History.InProgress()).When(Request(), At).Single<MaterialsRequested>();
        var second = Scenario.Given([.. History.InProgress(), first]).When(Request(), At.AddMinutes(1)).Single<MaterialsRequested>();

        Assert.NotEqual(first.RequestId, second.RequestId);
        Assert.Equal(first.RequestId, Scenario.Given(History.InProgress()).When(Request(), At).Single<MaterialsRequested>().RequestId);
    }
}

public class RecordMaterialsIssuedTests
{
    private static readonly Guid IssueId = Guid.Parse("0193a000-0000-7000-8000-0000000000f1");
    private static readonly MaterialUsed Lock = new(Guid.Parse("0193a000-0000-7000-8000-0000000000f2"), "LOCK-IN-01", 1m, "pcs", 80m);

    private static RecordMaterialsIssued Record(Actor? by = null) => new(A.OrderId, IssueId, Lock.RequisitionId, [Lock], A.T0, by ?? Actor.System);

    [Fact]
    public void F5_what_inventory_issued_for_the_order_is_recorded_on_it()
    {
        var state = Scenario.Given(History.InProgress()).When(Record(), A.T0).StateAfter;
        Assert.Equal([Lock], state.MaterialsUsed);
    }

    [Fact]
    public void An_issue_is_recorded_once() =>
        Scenario.Given([.. History.InProgress(), new MaterialsIssued(IssueId, Lock.RequisitionId, [Lock], A.T0)]).When(Record(), A.T0).ThenNothing();

    [Fact]
    public void Material_issued_after_the_order_closed_is_still_recorded() =>
        Scenario.Given([.. History.ReadyToClose(), new WorkOrderClosed(History.CompletedAt.AddDays(2))]).When(Record(), A.T0).Single<MaterialsIssued>();

    [Fact]
    public void Only_inventorys_issue_records_materials_used() =>
        Scenario.Given(History.InProgress()).When(Record(A.Technician), A.T0).ThenRejected("materials-recorded-by-inventory", RejectionKind.Forbidden);
}
