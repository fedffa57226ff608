using Platform.TestSupport;

namespace Platform.WorkOrders.Tests.Deciders;

/// <summary>Given work-order events, when a command at an instant, then events or a rejection (the shared <see cref="DeciderScenario{TState, TCommand}"/>).</summary>
public static class Scenario
{
    private static readonly WorkOrderDecider Decider = new();

    public static DeciderScenario<WorkOrderState, IWorkOrderCommand> Given(params object[] events) => new(Decider, events);

    public static DeciderScenario<WorkOrderState, IWorkOrderCommand> Given(IEnumerable<object> events) => new(Decider, events.ToList());
}
