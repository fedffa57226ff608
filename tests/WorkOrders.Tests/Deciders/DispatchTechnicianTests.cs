using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class DispatchTechnicianTests
{
    private static readonly DateTimeOffset Appointment = A.T0.AddHours(1);

    private static DispatchTechnician Dispatch(string technicianId = "tech-7", DateTimeOffset? at = null, Actor? by = null) =>
        new(A.OrderId, technicianId, at ?? Appointment, by ?? A.Agent);

    [Fact]
    public void Staff_dispatch_a_technician_for_an_agreed_time() =>
        Scenario.Given(History.Logged())
            .When(Dispatch(), History.DispatchedAt)
            .Then(new TechnicianDispatched("tech-7", Appointment, History.DispatchedAt));

    [Fact]
    public void Only_staff_may_dispatch() =>
        Scenario.Given(History.Logged()).When(Dispatch(by: A.Technician), A.T0).ThenRejected("role-not-allowed", RejectionKind.Forbidden);

    [Fact]
    public void A_dispatch_names_the_technician() =>
        Scenario.Given(History.Logged()).When(Dispatch(technicianId: " "), A.T0).ThenRejected("technician-required", RejectionKind.Invalid, "technicianId");

    [Fact]
    public void A_dispatch_has_an_agreed_visit_time() =>
        Scenario.Given(History.Logged()).When(Dispatch(at: default(DateTimeOffset)), A.T0).ThenRejected("appointment-required", RejectionKind.Invalid, "appointmentAt");

    [Fact]
    public void The_technician_can_be_reassigned_before_arrival() =>
        Scenario.Given(History.Dispatched())
            .When(Dispatch(technicianId: "tech-8"), A.T0.AddMinutes(10))
            .Then(new TechnicianDispatched("tech-8", Appointment, A.T0.AddMinutes(10)));

    [Fact]
    public void An_order_cannot_be_dispatched_once_the_technician_is_on_site() =>
        Scenario.Given(History.OnSite()).When(Dispatch(technicianId: "tech-8"), A.T0.AddHours(1)).ThenRejected("dispatch-after-arrival", RejectionKind.Conflict);
}
