using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;
using Xunit;

namespace Platform.TestSupport;

/// <summary>
/// Given events, when a command at an instant, then events or a rejection; through the decider, as the handler does.
/// Events are compared as type name plus JSON, so records holding lists compare by content and a diff reads well.
/// </summary>
public sealed class DeciderScenario<TState, TCommand>(Decider<TState, TCommand> decider, IReadOnlyList<object> given)
{
    public Result When(TCommand command, DateTimeOffset at)
    {
        var state = decider.Fold(given);
        return new Result(decider, decider.Decide(command, state, at), state);
    }

    public sealed class Result(Decider<TState, TCommand> decider, Decision decision, TState before)
    {
        public Decision Decision { get; } = decision;
        public TState StateAfter => Decision.Events.Aggregate(before, decider.Evolve);

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

        public IReadOnlyList<T> All<T>()
        {
            Assert.True(Decision.Rejection is null, $"Expected events, got rejection {Decision.Rejection}");
            return Decision.Events.OfType<T>().ToList();
        }
    }

    private static string Describe(IEnumerable<object> events) =>
        string.Join('\n', events.Select(e => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType(), PlatformJson.Options)}"));
}
