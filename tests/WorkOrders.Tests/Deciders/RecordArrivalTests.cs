using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class RecordArrivalTests
{
    [Fact]
    public void The_assigned_technician_records_arrival() =>
        Scenario.Given(History.Dispatched())
            .When(new RecordArrival(A.OrderId, A.Technician), History.ArrivedAt)
            .Then(new TechnicianArrived("tech-7", History.ArrivedAt));

    [Fact]
    public void Another_technician_cannot_act_on_an_order_not_assigned_to_them() =>
        Scenario.Given(History.Dispatched())
            .When(new RecordArrival(A.OrderId, A.OtherTechnician), History.ArrivedAt)
            .ThenRejected("not-assigned-technician", RejectionKind.Forbidden);

    [Fact]
    public void Field_steps_are_the_technicians_own() =>
        Scenario.Given(History.Dispatched())
            .When(new RecordArrival(A.OrderId, A.TeamLeader), History.ArrivedAt)
            .ThenRejected("role-not-allowed", RejectionKind.Forbidden);

    [Fact]
    public void Arrival_follows_a_dispatch() =>
        Scenario.Given(History.Logged())
            .When(new RecordArrival(A.OrderId, A.Technician), History.ArrivedAt)
            .ThenRejected("not-assigned-technician", RejectionKind.Forbidden);

    [Fact]
    public void Recording_arrival_twice_changes_nothing() =>
        Scenario.Given(History.OnSite()).When(new RecordArrival(A.OrderId, A.Technician), History.ArrivedAt.AddMinutes(1)).ThenNothing();

    [Fact]
    public void Arrival_is_recorded_only_while_the_visit_is_pending() =>
        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(new RecordArrival(A.OrderId, A.Technician), History.CompletedAt.AddHours(1))
            .ThenRejected("not-dispatched", RejectionKind.Conflict);
}
