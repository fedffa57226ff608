using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.ControlledItems;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Features;

/// <summary>A controlled item is registered under its tag, in the store that keeps it.</summary>
public sealed record RegisterControlledItem(Guid ControlledItemId, string Tag, ControlledItemKind Kind, string Description, StoreState Store, Actor By)
    : IControlledItemCommand
{
    public static Decision Decide(RegisterControlledItem command, ControlledItemState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireText(command.Tag, "tag", "The item's tag")
            ?? CommandRules.RequireText(command.Description, "description", "What the item is")
            ?? (command.Store.Exists ? null : Rejection.Invalid("store-not-found", "storeId", "There is no such store."));
        if (invalid is not null) return invalid;
        if (state.Exists)
            return state.StoreId == command.Store.Id && state.Kind == command.Kind
                ? Decision.NoChange
                : Rejection.Conflict("tag-registered-already", $"Tag {state.Tag} is registered already.");
        return Decision.Accept(new ControlledItemRegistered(
            command.ControlledItemId, InventoryStreams.Key(command.Tag), command.Kind, command.Description.Trim(), command.Store.Id, now));
    }
}

/// <summary>Lent to one person at a time: the service knows who holds what, and since when (000:155).</summary>
public sealed record LendControlledItem(Guid ControlledItemId, string HolderId, string? Purpose, DateTimeOffset? DueBack, Actor By) : IControlledItemCommand
{
    public static Decision Decide(LendControlledItem command, ControlledItemState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("controlled-item-not-found", "There is no such controlled item.");
        var invalid = CommandRules.RequireText(command.HolderId, "holderId", "Who takes the item")
            ?? (command.DueBack is { } due && due <= now ? Rejection.Invalid("due-back-in-the-past", "dueBack", "An item is due back after it is lent.") : null);
        if (invalid is not null) return invalid;
        if (state.Loan is { } loan)
            return loan.HolderId == command.HolderId.Trim()
                ? Decision.NoChange
                : Rejection.Conflict("controlled-item-out", $"{state.Tag} is held by {loan.HolderId} since {loan.LentAt:yyyy-MM-dd HH:mm}; it is returned first.");
        return Decision.Accept(new ControlledItemLent(command.HolderId.Trim(), command.Purpose?.Trim(), command.DueBack, command.By.Id, now));
    }
}

public sealed record ReturnControlledItem(Guid ControlledItemId, string? Condition, Actor By) : IControlledItemCommand
{
    public static Decision Decide(ReturnControlledItem command, ControlledItemState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("controlled-item-not-found", "There is no such controlled item.");
        return state.Loan is { } loan
            ? Decision.Accept(new ControlledItemReturned(loan.HolderId, command.Condition?.Trim(), command.By.Id, now))
            : Rejection.Conflict("controlled-item-in-store", $"{state.Tag} is in the store; nothing to return.");
    }
}
