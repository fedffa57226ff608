using Platform.BuildingBlocks.EventSourcing;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>A command a consumer issued was refused. Not transient: the message parks in the error queue without retries.</summary>
public sealed class CommandRejectedException(string message, Rejection rejection) : Exception(message)
{
    public Rejection Rejection { get; } = rejection;
}

public static class ConsumedCommands
{
    /// <summary>Lets the message fail (to the error queue at once) when the command it caused was refused.</summary>
    public static CommandOutcome<TState> ThrowIfRejected<TState>(this CommandOutcome<TState> outcome, string what) =>
        outcome is CommandOutcome<TState>.Rejected { Rejection: var rejection }
            ? throw new CommandRejectedException($"{what} was refused: {rejection.Code}: {rejection.Detail}", rejection)
            : outcome;
}
