using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Standards;

namespace Platform.Fees.Features;

/// <summary>
/// Finance records a standard the price authority approved (000:26): its rate, unit and validity. The standard's id is
/// derived from estate and code, so one code means one standard in an estate; a new rate comes through its review.
/// </summary>
public sealed record ApproveFeeStandard(
    Guid StandardId,
    string EstateId,
    string Code,
    string Name,
    FeeType FeeType,
    decimal Rate,
    RateUnit Unit,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string ApprovalReference,
    int ReviewMonth,
    Actor By) : IFeeStandardCommand
{
    public const int DefaultReviewMonth = 4;

    public static Decision Decide(ApproveFeeStandard command, FeeStandardState state, DateTimeOffset now)
    {
        var invalid = FeeRules.RequireText(command.EstateId, "estateId", "The estate")
            ?? FeeRules.RequireText(command.Code, "code", "The standard's code")
            ?? FeeRules.RequireText(command.Name, "name", "The standard's name")
            ?? FeeRules.RequireAmount(command.Rate, "rate")
            ?? FeeRules.RequireText(command.ApprovalReference, "approvalReference", "The price authority's approval reference")
            ?? (command.ValidTo is { } to && to < command.ValidFrom
                ? Rejection.Invalid("validity-reversed", "validTo", "validTo is before validFrom.")
                : null)
            ?? (command.ReviewMonth is < 1 or > 12
                ? Rejection.Invalid("review-month-invalid", "reviewMonth", "The yearly review month is 1 to 12.")
                : null);
        if (invalid is not null) return invalid;

        var approved = new FeeStandardApproved(
            command.StandardId, command.EstateId.Trim(), command.Code.Trim(), command.Name.Trim(), command.FeeType, command.Rate,
            command.Unit, command.ValidFrom, command.ValidTo, command.ApprovalReference.Trim(), command.ReviewMonth, now);
        if (!state.Exists) return Decision.Accept(approved);

        var first = state.Periods[0];
        var same = state.FeeType == approved.FeeType && state.Unit == approved.Unit && first.Rate == approved.Rate
            && first.From == approved.ValidFrom && first.ApprovalReference == approved.ApprovalReference;
        return same
            ? Decision.NoChange
            : Rejection.Conflict("fee-standard-exists", $"Standard {state.Code} exists; a new rate is recorded by its review.");
    }
}
