using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.CollectionDrives;

namespace Platform.Fees.Features;

/// <summary>
/// Start a collection drive over the charges due on or before a day, for a period (a month by default, 「为期一个月」,
/// 000:136). <see cref="AtStart"/> is the arrears in scope as the read model has them, measured by the handler.
/// </summary>
public sealed record StartCollectionDrive(
    Guid DriveId, string EstateId, string Name, DateOnly DueOnOrBefore, DateTimeOffset EndsAt, DriveFigures AtStart, Actor By) : ICollectionDriveCommand
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(30);

    public static Decision Decide(StartCollectionDrive command, CollectionDriveState state, DateTimeOffset now)
    {
        if (state.Exists) return Decision.NoChange;
        var invalid = FeeRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? FeeRules.RequireText(command.Name, "name", "The drive's name")
            ?? (command.EndsAt <= now ? Rejection.Invalid("drive-ends-before-it-starts", "endsAt", "A drive ends after it starts.") : null)
            ?? (command.EndsAt > now.AddDays(366) ? Rejection.Invalid("drive-too-long", "endsAt", "A drive lasts at most a year.") : null);
        if (invalid is not null) return invalid;

        return Decision.Accept(new CollectionDriveStarted(
            command.DriveId, command.EstateId.Trim(), command.Name.Trim(), command.DueOnOrBefore, command.EndsAt, command.AtStart, now));
    }
}

/// <summary>End a drive, at its end (the watcher) or earlier by hand, recording what it collected and what is still owed in scope.</summary>
public sealed record EndCollectionDrive(Guid DriveId, DriveFigures AtEnd, Actor By) : ICollectionDriveCommand
{
    public static Decision Decide(EndCollectionDrive command, CollectionDriveState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("collection-drive-not-found", "There is no such collection drive.");
        if (state.Ended) return Decision.NoChange;
        if (command.By.HasRole(Roles.System) && now < state.EndsAt) return Decision.NoChange;
        return Decision.Accept(new CollectionDriveEnded(command.AtEnd, now < state.EndsAt ? now : state.EndsAt));
    }
}
