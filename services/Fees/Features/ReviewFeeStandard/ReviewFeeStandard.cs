using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Standards;

namespace Platform.Fees.Features;

/// <summary>
/// The yearly review (年审, April by default, 000:26): the rate is confirmed, or a new approved rate takes effect from a
/// date. Charges already issued keep the rate they were issued at; the new rate applies to periods from that date.
/// </summary>
public sealed record ReviewFeeStandard(
    Guid StandardId, DateOnly ReviewedOn, decimal? NewRate, DateOnly? EffectiveFrom, string? ApprovalReference, Actor By) : IFeeStandardCommand
{
    public static Decision Decide(ReviewFeeStandard command, FeeStandardState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("fee-standard-not-found", "There is no such fee standard.");
        var current = state.Periods[^1];

        if (command.NewRate is null)
        {
            if (state.LastReviewedOn == command.ReviewedOn) return Decision.NoChange;
            return Decision.Accept(new FeeStandardReviewed(command.ReviewedOn, false, current.Rate, current.From, current.ApprovalReference, now));
        }

        var invalid = FeeRules.RequireAmount(command.NewRate.Value, "newRate")
            ?? (command.EffectiveFrom is null ? Rejection.Invalid("effectivefrom-required", "effectiveFrom", "A revised rate says from which day it applies.") : null)
            ?? FeeRules.RequireText(command.ApprovalReference, "approvalReference", "The price authority's approval of the new rate");
        if (invalid is not null) return invalid;

        var from = command.EffectiveFrom!.Value;
        if (current.Rate == command.NewRate && current.From == from) return Decision.NoChange;
        if (from <= current.From || (current.To is { } to && from > to))
            return Rejection.Invalid("effective-date-outside-current-period", "effectiveFrom",
                $"A new rate starts inside the current period ({current.From:yyyy-MM-dd} to {current.To?.ToString("yyyy-MM-dd") ?? "open"}), after its first day.");

        return Decision.Accept(new FeeStandardReviewed(command.ReviewedOn, true, command.NewRate.Value, from, command.ApprovalReference!.Trim(), now));
    }
}
