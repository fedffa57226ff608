using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Features;

namespace Platform.FireSafety.Training;

/// <summary>Who a fire-safety training is for: all staff (twice a year, 000:585), the brigade (quarterly, 000:615), new staff (000:605).</summary>
public enum TrainingAudience { AllStaff, Brigade, NewStaff }

public sealed record ExamResult(string StaffId, bool Passed);

/// <summary>A training held, with who attended and, for new staff, the exam each passed or failed before taking up the post (000:605).</summary>
[EventType("TrainingRecorded.v1")]
public sealed record TrainingRecorded(
    Guid TrainingId, string EstateId, TrainingAudience Audience, string Topic, DateOnly HeldOn, string Trainer, IReadOnlyList<string> Attendees,
    IReadOnlyList<ExamResult> ExamResults, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record TrainingState
{
    public static TrainingState Initial { get; } = new();

    public bool Exists { get; init; }
    public TrainingRecorded? Record { get; init; }

    public TrainingState Apply(object @event) => @event is TrainingRecorded e ? this with { Exists = true, Record = e } : this;
}

public interface ITrainingCommand
{
    Guid TrainingId { get; }
    Actor By { get; }
}

public sealed class TrainingDecider : Decider<TrainingState, ITrainingCommand>
{
    public override TrainingState Initial => TrainingState.Initial;

    public override TrainingState Evolve(TrainingState state, object @event) => state.Apply(@event);

    public override Decision Decide(ITrainingCommand command, TrainingState state, DateTimeOffset now) => command switch
    {
        RecordTraining c => RecordTraining.Decide(c, state, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a training command.", nameof(command)),
    };
}
