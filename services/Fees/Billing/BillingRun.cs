using Platform.BuildingBlocks.EventSourcing;

namespace Platform.Fees.Billing;

[EventType("BillingRunStarted.v1")]
public sealed record BillingRunStarted(Guid RunId, string EstateId, BillingRunKind Kind, string Period, DateTimeOffset StartedAt);

/// <summary>An account the run could not bill, and why (no standard in force, say): visible, so finance can act.</summary>
public sealed record SkippedAccount(Guid AccountId, string Reason);

[EventType("BillingRunCompleted.v1")]
public sealed record BillingRunCompleted(int Accounts, int ChargesIssued, decimal Total, IReadOnlyList<SkippedAccount> Skipped, DateTimeOffset CompletedAt);

/// <summary>
/// One billing run of an estate, kind and month (stream id derived from the three). A run that stopped half way (a
/// crash, a hand-over) runs again from the start: every charge and request it issues has a derived id, so the accounts
/// it reached already change nothing. Completed, it never runs again.
/// </summary>
public sealed record BillingRunState(bool Started, bool Completed, string EstateId, BillingRunKind Kind, string Period)
{
    public static BillingRunState Initial { get; } = new(false, false, "", default, "");

    public BillingRunState Apply(object @event) => @event switch
    {
        BillingRunStarted e => this with { Started = true, EstateId = e.EstateId, Kind = e.Kind, Period = e.Period },
        BillingRunCompleted => this with { Completed = true },
        _ => this,
    };
}

public interface IBillingRunCommand
{
    Guid RunId { get; }
}

public sealed record StartBillingRun(Guid RunId, string EstateId, BillingRunKind Kind, BillingPeriod Period) : IBillingRunCommand;

public sealed record CompleteBillingRun(Guid RunId, int Accounts, int ChargesIssued, decimal Total, IReadOnlyList<SkippedAccount> Skipped) : IBillingRunCommand;

public sealed class BillingRunDecider : Decider<BillingRunState, IBillingRunCommand>
{
    public override BillingRunState Initial => BillingRunState.Initial;

    public override BillingRunState Evolve(BillingRunState state, object @event) => state.Apply(@event);

    public override Decision Decide(IBillingRunCommand command, BillingRunState state, DateTimeOffset now) => command switch
    {
        StartBillingRun c => state.Started ? Decision.NoChange : Decision.Accept(new BillingRunStarted(c.RunId, c.EstateId, c.Kind, c.Period.ToString(), now)),
        CompleteBillingRun c when !state.Started => Rejection.Conflict("billing-run-not-started", "The run has not started."),
        CompleteBillingRun c => state.Completed ? Decision.NoChange : Decision.Accept(new BillingRunCompleted(c.Accounts, c.ChargesIssued, c.Total, c.Skipped, now)),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a billing-run command.", nameof(command)),
    };
}
