using Platform.BuildingBlocks.EventSourcing;
using Platform.WorkOrders.Features;

namespace Platform.WorkOrders.Tests.Deciders;

public class ClassifyUrgencyTests
{
    private static ClassifyUrgency Classify(UrgencyClass urgency, Actor? by = null) => new(A.OrderId, urgency, A.Policy, by ?? A.Supervisor);

    [Fact]
    public void A_supervisor_changes_the_urgency_class_and_the_deadlines_follow_from_the_logging_time() =>
        Scenario.Given(History.Logged(UrgencyClass.Other))
            .When(Classify(UrgencyClass.Urgent), A.T0.AddMinutes(10))
            .Then(new WorkOrderUrgencyReclassified(UrgencyClass.Other, UrgencyClass.Urgent, A.T0.AddMinutes(30), A.T0.AddHours(24), A.T0.AddMinutes(10)));

    [Theory]
    [InlineData(Roles.TeamLeader)]
    [InlineData(Roles.DepartmentManager)]
    [InlineData(Roles.GeneralManager)]
    public void Team_leaders_and_managers_are_supervisors_too(string role) =>
        Scenario.Given(History.Logged()).When(Classify(UrgencyClass.Urgent, new Actor("boss", role)), A.T0).Single<WorkOrderUrgencyReclassified>();

    [Theory]
    [InlineData(Roles.CallCentreAgent)]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.Resident)]
    public void Only_a_supervisor_may_change_the_urgency_class(string role) =>
        Scenario.Given(History.Logged())
            .When(Classify(UrgencyClass.Urgent, new Actor("someone", role)), A.T0)
            .ThenRejected("reclassify-needs-supervisor", RejectionKind.Forbidden);

    [Fact]
    public void Reclassifying_to_the_same_class_changes_nothing() =>
        Scenario.Given(History.Logged(UrgencyClass.Urgent)).When(Classify(UrgencyClass.Urgent), A.T0).ThenNothing();

    [Fact]
    public void The_urgency_class_is_fixed_once_the_work_is_completed() =>
        Scenario.Given(History.Completed(UrgencyClass.Other, History.CompletedAt))
            .When(Classify(UrgencyClass.Urgent), History.CompletedAt.AddHours(1))
            .ThenRejected("urgency-fixed-after-completion", RejectionKind.Conflict);
}
