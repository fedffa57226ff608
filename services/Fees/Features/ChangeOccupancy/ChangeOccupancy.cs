using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;

namespace Platform.Fees.Features;

/// <summary>The unit became occupied, vacant (空置, 000:282), received but not decorated, or its owner moved away (000:34).</summary>
public sealed record ChangeOccupancy(Guid AccountId, Occupancy Occupancy, Actor By) : IPayerAccountCommand
{
    public static Decision Decide(ChangeOccupancy command, PayerAccountState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, [.. FeeRoles.Finance, .. FeeRoles.CustomerService], "occupancy-needs-staff",
                "Finance or customer service records occupancy.") is { } forbidden) return forbidden;
        return state.Occupancy == command.Occupancy
            ? Decision.NoChange
            : Decision.Accept(new OccupancyChanged(state.Occupancy, command.Occupancy, now));
    }
}
