using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Features;

namespace Platform.Fees.CollectionDrives;

/// <summary>What a drive is measured against, or what it reached: accounts owing on the charges in scope, and how much.</summary>
public sealed record DriveFigures(int AccountsOwing, decimal Owed, decimal Collected);

/// <summary>
/// A collection drive (清缴): 「对20xx年到期物业费进行为期一个月的清缴工作」 (000:136). In scope: the estate's charges due on
/// or before <see cref="DueOnOrBefore"/>. <see cref="AtStart"/> is the arrears in scope when it started.
/// </summary>
[EventType("CollectionDriveStarted.v1")]
public sealed record CollectionDriveStarted(
    Guid DriveId, string EstateId, string Name, DateOnly DueOnOrBefore, DateTimeOffset EndsAt, DriveFigures AtStart, DateTimeOffset StartedAt);

/// <summary>The drive ended (at its end, or earlier by hand), with what it collected and the arrears left in scope.</summary>
[EventType("CollectionDriveEnded.v1")]
public sealed record CollectionDriveEnded(DriveFigures AtEnd, DateTimeOffset EndedAt);

public sealed record CollectionDriveState(bool Exists, bool Ended, string EstateId, string Name, DateOnly DueOnOrBefore, DateTimeOffset StartedAt,
    DateTimeOffset EndsAt, DriveFigures? AtStart, DriveFigures? AtEnd)
{
    public static CollectionDriveState Initial { get; } = new(false, false, "", "", default, default, default, null, null);

    public CollectionDriveState Apply(object @event) => @event switch
    {
        CollectionDriveStarted e => this with
        {
            Exists = true, EstateId = e.EstateId, Name = e.Name, DueOnOrBefore = e.DueOnOrBefore, StartedAt = e.StartedAt, EndsAt = e.EndsAt, AtStart = e.AtStart,
        },
        CollectionDriveEnded e => this with { Ended = true, AtEnd = e.AtEnd },
        _ => this,
    };
}

public interface ICollectionDriveCommand
{
    Guid DriveId { get; }
    Actor By { get; }
}

public sealed class CollectionDriveDecider : Decider<CollectionDriveState, ICollectionDriveCommand>
{
    public override CollectionDriveState Initial => CollectionDriveState.Initial;

    public override CollectionDriveState Evolve(CollectionDriveState state, object @event) => state.Apply(@event);

    public override Decision Decide(ICollectionDriveCommand command, CollectionDriveState state, DateTimeOffset now)
    {
        if (CommandRules.RequireRole(command.By, [.. FeeRoles.Finance, .. FeeRoles.Approvers], "drives-need-finance-or-a-manager",
                "Finance or a manager runs a collection drive.") is { } forbidden) return forbidden;
        return command switch
        {
            StartCollectionDrive c => StartCollectionDrive.Decide(c, state, now),
            EndCollectionDrive c => EndCollectionDrive.Decide(c, state, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a collection-drive command.", nameof(command)),
        };
    }
}
