using System.Text.Json;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Complaints.Tests;

/// <summary>Given events, when a command at an instant, then events, nothing, or a rejection.</summary>
public sealed class DeciderSpec
{
    private static readonly ComplaintDecider Decider = new();
    private readonly IReadOnlyList<object> _given;

    private DeciderSpec(IReadOnlyList<object> given) => _given = given;

    public static DeciderSpec Given(params IEnumerable<object>[] history) => new(history.SelectMany(e => e).ToList());

    public static DeciderSpec GivenNothing() => new([]);

    public ComplaintState State => Decider.Fold(_given);

    public Outcome When(IComplaintCommand command, DateTimeOffset? at = null) =>
        new(Decider.Decide(command, State, at ?? Sample.Later), State);

    public sealed class Outcome(Decision decision, ComplaintState before)
    {
        public Decision Decision { get; } = decision;

        /// <summary>The state after the accepted events.</summary>
        public ComplaintState State => Decision.Events.Aggregate(before, (s, e) => s.Evolve(e));

        public Outcome Then(params object[] expected)
        {
            Assert.Null(Decision.Rejection);
            Assert.Equal(expected.Select(Describe), Decision.Events.Select(Describe));
            return this;
        }

        public Outcome ThenNothing()
        {
            Assert.Null(Decision.Rejection);
            Assert.Empty(Decision.Events);
            return this;
        }

        public Rejection ThenRejected(string code, RejectionKind kind)
        {
            Assert.True(Decision.Rejection is not null, $"Expected rejection '{code}' but got events: {string.Join(", ", Decision.Events.Select(Describe))}");
            Assert.Equal(code, Decision.Rejection!.Code);
            Assert.Equal(kind, Decision.Rejection.Kind);
            Assert.Empty(Decision.Events);
            return Decision.Rejection;
        }

        private static string Describe(object e) => e.GetType().Name + " " + JsonSerializer.Serialize(e, e.GetType(), PlatformJson.Options);
    }
}
