using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.DailyChecks;

/// <summary>
/// The two checks made once a day: the fire department's patrol of the whole site (「每日对公司进行防火巡查」, 000:609) and
/// the service hall's end-of-day check after closing (「服务大厅下班后应进行收尾工作检查,并记录备案」, 000:685).
/// </summary>
public enum DailyCheckKind { WholeSitePatrol, ServiceHallClosing }

[EventType("DailyCheckRecorded.v1")]
public sealed record DailyCheckRecorded(Guid CheckId, string EstateId, DailyCheckKind Kind, DateOnly Day, string? Findings, string CheckedBy, DateTimeOffset CheckedAt);

public sealed record DailyCheckState
{
    public static DailyCheckState Initial { get; } = new();

    public bool Exists { get; init; }
    public DailyCheckRecorded? Record { get; init; }

    public DailyCheckState Apply(object @event) => @event is DailyCheckRecorded e ? this with { Exists = true, Record = e } : this;
}

public interface IDailyCheckCommand
{
    Guid CheckId { get; }
    Actor By { get; }
}

public sealed class DailyCheckDecider : Decider<DailyCheckState, IDailyCheckCommand>
{
    public override DailyCheckState Initial => DailyCheckState.Initial;

    public override DailyCheckState Evolve(DailyCheckState state, object @event) => state.Apply(@event);

    public override Decision Decide(IDailyCheckCommand command, DailyCheckState state, DateTimeOffset now) => command switch
    {
        RecordDailyCheck c => RecordDailyCheck.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a daily-check command.", nameof(command)),
    };
}
