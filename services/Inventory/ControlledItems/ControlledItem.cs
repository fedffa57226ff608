using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;

namespace Platform.Inventory.ControlledItems;

/// <summary>Items held under control and lent to a person (000:144, 000:155): keys, access cards, induction cookers.</summary>
public enum ControlledItemKind { LetterboxKey, Key, AccessCard, InductionCooker, Other }

[EventType("ControlledItemRegistered.v1")]
public sealed record ControlledItemRegistered(Guid ControlledItemId, string Tag, ControlledItemKind Kind, string Description, Guid StoreId, DateTimeOffset RegisteredAt);

[EventType("ControlledItemLent.v1")]
public sealed record ControlledItemLent(string HolderId, string? Purpose, DateTimeOffset? DueBack, string LentBy, DateTimeOffset LentAt);

[EventType("ControlledItemReturned.v1")]
public sealed record ControlledItemReturned(string HolderId, string? Condition, string ReceivedBy, DateTimeOffset ReturnedAt);

public sealed record ControlledItemState
{
    public static ControlledItemState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string Tag { get; init; } = "";
    public ControlledItemKind Kind { get; init; }
    public string Description { get; init; } = "";
    public Guid StoreId { get; init; }
    public ControlledItemLent? Loan { get; init; }
    public int Loans { get; init; }

    public ControlledItemState Apply(object @event) => @event switch
    {
        ControlledItemRegistered e => this with { Exists = true, Id = e.ControlledItemId, Tag = e.Tag, Kind = e.Kind, Description = e.Description, StoreId = e.StoreId },
        ControlledItemLent e => this with { Loan = e, Loans = Loans + 1 },
        ControlledItemReturned => this with { Loan = null },
        _ => this,
    };
}

public interface IControlledItemCommand
{
    Guid ControlledItemId { get; }
    Actor By { get; }
}

public sealed class ControlledItemDecider : Decider<ControlledItemState, IControlledItemCommand>
{
    public override ControlledItemState Initial => ControlledItemState.Initial;

    public override ControlledItemState Evolve(ControlledItemState state, object @event) => state.Apply(@event);

    public override Decision Decide(IControlledItemCommand command, ControlledItemState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, InventoryRoles.StoreKeepers, "controlled-items-kept-by-the-store", "The store keeper registers, lends and takes back controlled items.") is { } forbidden)
            return forbidden;
        return command switch
        {
            RegisterControlledItem c => RegisterControlledItem.Decide(c, state, now),
            LendControlledItem c => LendControlledItem.Decide(c, state, now),
            ReturnControlledItem c => ReturnControlledItem.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a controlled-item command.", nameof(command)),
        };
    }
}
