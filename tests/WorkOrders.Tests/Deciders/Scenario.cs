using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.WorkOrders.Tests.Deciders;

/// <summary>Given events, when a command at an instant, then events or a rejection. Goes through the decider, as the handler does.</summary>
public sealed class Scenario
{
    private static readonly WorkOrderDecider Decider = new();
    private readonly IReadOnlyList<object> _given;

    private Scenario(IReadOnlyList<object> given) => _given = given;

    public static Scenario Given(params object[] events) => new(events);

    public static Scenario Given(IEnumerable<object> events) => new(events.ToList());

    public Result When(IWorkOrderCommand command, DateTimeOffset at)
    {
        var state = Decider.Fold(_given);
        return new Result(Decider.Decide(command, state, at), state);
    }

    public sealed class Result(Decision decision, WorkOrderState before)
    {
        public Decision Decision { get; } = decision;
        public WorkOrderState StateAfter => Decision.Events.Aggregate(before, Decider.Evolve);

        public void Then(params object[] expected)
        {
            Assert.True(Decision.Rejection is null, $"Expected events, got rejection {Decision.Rejection}");
            Assert.Equal(Describe(expected), Describe(Decision.Events));
        }

        public void ThenNothing()
        {
            Assert.True(Decision.Rejection is null, $"Expected no change, got rejection {Decision.Rejection}");
            Assert.Empty(Decision.Events);
        }

        public Rejection ThenRejected(string code, RejectionKind? kind = null, string? field = null)
        {
            var rejection = Assert.IsType<Rejection>(Decision.Rejection);
            Assert.Equal(code, rejection.Code);
            if (kind is not null) Assert.Equal(kind, rejection.Kind);
            if (field is not null) Assert.Equal(field, rejection.Field);
            Assert.Empty(Decision.Events);
            return rejection;
        }

        public T Single<T>()
        {
            Assert.True(Decision.Rejection is null, $"Expected events, got rejection {Decision.Rejection}");
            return Assert.Single(Decision.Events.OfType<T>());
        }
    }

    /// <summary>Events compared as type name plus JSON: records holding lists compare by content, and a diff reads well.</summary>
    private static string Describe(IEnumerable<object> events) =>
        string.Join('\n', events.Select(e => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType(), PlatformJson.Options)}"));
}
