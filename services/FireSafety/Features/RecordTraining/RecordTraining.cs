using Platform.BuildingBlocks.EventSourcing;
using Platform.FireSafety.Training;

namespace Platform.FireSafety.Features;

/// <summary>
/// A training session is recorded with its attendees. New staff sit an exam and take up the post only once they pass
/// (「经考试合格后方可上岗」, 000:605), so a new-staff session records every attendee's result.
/// </summary>
public sealed record RecordTraining(
    Guid TrainingId, string EstateId, TrainingAudience Audience, string Topic, DateOnly HeldOn, string Trainer, IReadOnlyList<string> Attendees,
    IReadOnlyList<ExamResult> ExamResults, Actor By) : ITrainingCommand
{
    public static Decision Decide(RecordTraining command, TrainingState state, DateTimeOffset now)
    {
        var invalid = CommandRules.RequireRole(command.By, FireRoles.Officers, "training-by-the-fire-officer", "The fire-safety officer records training.")
            ?? CommandRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? CommandRules.RequireText(command.Topic, "topic", "The topic")
            ?? CommandRules.RequireText(command.Trainer, "trainer", "The trainer")
            ?? (command.HeldOn > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1))
                ? Rejection.Invalid("training-in-the-future", "heldOn", "A training is recorded once it has been held.")
                : null)
            ?? (command.Attendees.Count == 0 || command.Attendees.Any(string.IsNullOrWhiteSpace)
                ? Rejection.Invalid("attendees-required", "attendees", "Who attended is recorded.")
                : null)
            ?? Exams(command);
        if (invalid is not null) return invalid;
        if (state.Exists) return Decision.NoChange;
        return Decision.Accept(new TrainingRecorded(command.TrainingId, command.EstateId.Trim(), command.Audience, command.Topic.Trim(), command.HeldOn,
            command.Trainer.Trim(), command.Attendees.Select(a => a.Trim()).Distinct().ToList(), command.ExamResults, command.By.Id, now));
    }

    private static Rejection? Exams(RecordTraining command)
    {
        if (command.Audience != TrainingAudience.NewStaff) return null;
        var missing = command.Attendees.Select(a => a.Trim()).Except(command.ExamResults.Select(r => r.StaffId.Trim())).ToList();
        return missing.Count == 0
            ? null
            : Rejection.Invalid("exam-results-required", "examResults", $"New staff take up the post only after passing the exam (000:605): no result for {string.Join(", ", missing)}.");
    }
}
