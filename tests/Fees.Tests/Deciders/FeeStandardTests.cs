using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Features;
using Platform.Fees.Standards;

namespace Platform.Fees.Tests.Deciders;

public class FeeStandardTests
{
    private static readonly DateTimeOffset At = A.Local(2025, 12, 20);

    private static ApproveFeeStandard Approve(decimal rate = 1.50m, string reference = "PB-2026-017", DateOnly? to = null, Actor? by = null, int reviewMonth = 4) =>
        new(History.PropertyStandardId, A.Estate, "PF-RES", "Residential property fee", FeeType.PropertyFee, rate, RateUnit.PerSquareMetreMonth,
            new DateOnly(2026, 1, 1), to ?? new DateOnly(2026, 12, 31), reference, reviewMonth, by ?? A.Finance);

    [Fact]
    public void Finance_records_a_standard_the_price_authority_approved() =>
        Scenarios.Standard().When(Approve(), At).Then(History.PropertyFee());

    [Fact]
    public void A_standard_names_the_price_authoritys_approval() =>
        Scenarios.Standard().When(Approve(reference: " "), At).ThenRejected("approvalreference-required", RejectionKind.Invalid, "approvalReference");

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.555")]
    public void A_rate_is_positive_yuan_with_two_places(string rate) =>
        Scenarios.Standard().When(Approve(rate: decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)), At)
            .ThenRejected("amount-invalid", RejectionKind.Invalid, "rate");

    [Fact]
    public void A_standard_is_valid_to_no_earlier_than_it_is_valid_from() =>
        Scenarios.Standard().When(Approve(to: new DateOnly(2025, 12, 31)), At).ThenRejected("validity-reversed", RejectionKind.Invalid, "validTo");

    [Fact]
    public void Only_finance_records_fee_standards() =>
        Scenarios.Standard().When(Approve(by: A.Agent), At).ThenRejected("fee-standards-are-finance", RejectionKind.Forbidden);

    [Fact]
    public void The_same_approval_again_changes_nothing() =>
        Scenarios.Standard(History.PropertyFee()).When(Approve(), At.AddDays(1)).ThenNothing();

    [Fact]
    public void A_code_is_one_standard_a_new_rate_comes_through_its_review() =>
        Scenarios.Standard(History.PropertyFee()).When(Approve(rate: 1.80m), At.AddDays(1)).ThenRejected("fee-standard-exists", RejectionKind.Conflict);

    [Fact]
    public void The_yearly_review_falls_in_April_by_default() =>
        Assert.Equal(new DateOnly(2026, 4, 1), History.Standard(History.PropertyFee()).NextReviewDue);

    [Fact]
    public void A_review_that_confirms_the_rate_moves_the_next_review_a_year_on()
    {
        var result = Scenarios.Standard(History.PropertyFee())
            .When(new ReviewFeeStandard(History.PropertyStandardId, new DateOnly(2026, 4, 10), null, null, null, A.Finance), A.Local(2026, 4, 10));
        Assert.False(result.Single<FeeStandardReviewed>().Revised);
        Assert.Equal(new DateOnly(2027, 4, 1), result.StateAfter.NextReviewDue);
    }

    [Fact]
    public void A_revised_rate_ends_the_current_rate_the_day_before_so_rates_never_overlap()
    {
        var state = Scenarios.Standard(History.PropertyFee())
            .When(new ReviewFeeStandard(History.PropertyStandardId, new DateOnly(2026, 4, 10), 1.80m, new DateOnly(2026, 5, 1), "PB-2026-044", A.Finance), A.Local(2026, 4, 10))
            .StateAfter;

        Assert.Equal(1.50m, state.InForceOn(new DateOnly(2026, 4, 30))!.Rate);
        Assert.Equal(1.80m, state.InForceOn(new DateOnly(2026, 5, 1))!.Rate);
        Assert.Equal(new DateOnly(2026, 12, 31), state.InForceOn(new DateOnly(2026, 12, 31))!.To);
        Assert.Null(state.InForceOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void A_revised_rate_starts_inside_the_current_period() =>
        Scenarios.Standard(History.PropertyFee())
            .When(new ReviewFeeStandard(History.PropertyStandardId, new DateOnly(2026, 4, 10), 1.80m, new DateOnly(2027, 2, 1), "PB-2026-044", A.Finance), A.Local(2026, 4, 10))
            .ThenRejected("effective-date-outside-current-period", RejectionKind.Invalid, "effectiveFrom");

    [Fact]
    public void A_revised_rate_needs_the_authoritys_approval() =>
        Scenarios.Standard(History.PropertyFee())
            .When(new ReviewFeeStandard(History.PropertyStandardId, new DateOnly(2026, 4, 10), 1.80m, new DateOnly(2026, 5, 1), null, A.Finance), A.Local(2026, 4, 10))
            .ThenRejected("approvalreference-required", RejectionKind.Invalid, "approvalReference");
}
