using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Features;

namespace Platform.Fees.Standards;

public interface IFeeStandardCommand
{
    Guid StandardId { get; }
    Actor By { get; }
}

public sealed class FeeStandardDecider : Decider<FeeStandardState, IFeeStandardCommand>
{
    public override FeeStandardState Initial => FeeStandardState.Initial;

    public override FeeStandardState Evolve(FeeStandardState state, object @event) => state.Apply(@event);

    public override Decision Decide(IFeeStandardCommand command, FeeStandardState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, FeeRoles.Finance, "fee-standards-are-finance", "Only finance records fee standards and their reviews.") is { } forbidden)
            return forbidden;
        return command switch
        {
            ApproveFeeStandard c => ApproveFeeStandard.Decide(c, state, now),
            ReviewFeeStandard c => ReviewFeeStandard.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a fee-standard command.", nameof(command)),
        };
    }
}
