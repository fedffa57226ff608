using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Features;

namespace Platform.Fees.Tests.Deciders;

public class LedgerCorrectionTests
{
    private static readonly Guid Correction = Guid.Parse("0193b000-0000-7000-8000-0000000000c1");
    private static readonly DateTimeOffset At = A.Local(2026, 4, 2, 10);

    private static readonly object[] TwoMonthsOnePaid =
    [
        History.Opened(), History.Charge(History.Feb, 150m, "2026-02"), History.Charge(History.Mar, 150m, "2026-03"),
        History.Paid(History.PaymentOne, 150m, new ChargeAllocation(History.Feb, 150m)),
    ];

    [Fact]
    public void A_reversal_names_the_charge_it_reverses_and_the_charge_itself_is_not_changed()
    {
        var state = Scenarios.Account(TwoMonthsOnePaid).When(new ReverseCharge(A.AccountId, Correction, History.Mar, "issued twice", A.Finance), At).StateAfter;
        var entry = state.Ledger[^1];
        Assert.Equal(LedgerEntryKind.ChargeReversal, entry.Kind);
        Assert.Equal(History.Mar, entry.Reverses);
        Assert.Equal(-150m, entry.Amount);
        Assert.Equal(150m, state.ChargeOf(History.Mar)!.Amount);
        Assert.Equal(ChargeStatus.Reversed, state.StatusOf(state.ChargeOf(History.Mar)!));
        Assert.Equal(0m, state.Balance);
    }

    [Fact]
    public void Reversing_a_paid_charge_turns_what_was_paid_into_credit_for_the_other_charges()
    {
        var result = Scenarios.Account(TwoMonthsOnePaid).When(new ReverseCharge(A.AccountId, Correction, History.Feb, "wrong unit", A.Finance), At);
        Assert.Equal(150m, result.Single<ChargeReversed>().ReleasedToCredit);
        Assert.Equal(new CreditApplied(History.Mar, 150m, At), result.Single<CreditApplied>());
        Assert.Equal(0m, result.StateAfter.Owed);
    }

    [Fact]
    public void A_charge_is_reversed_once() =>
        Scenarios.Account([.. TwoMonthsOnePaid, new ChargeReversed(Correction, History.Mar, "twice", 0, At)])
            .When(new ReverseCharge(A.AccountId, Guid.NewGuid(), History.Mar, "again", A.Finance), At).ThenRejected("charge-already-reversed");

    [Fact]
    public void A_reversal_gives_its_reason() =>
        Scenarios.Account(TwoMonthsOnePaid).When(new ReverseCharge(A.AccountId, Correction, History.Mar, " ", A.Finance), At)
            .ThenRejected("reason-required", RejectionKind.Invalid, "reason");

    [Fact]
    public void Only_finance_posts_reversals() =>
        Scenarios.Account(TwoMonthsOnePaid).When(new ReverseCharge(A.AccountId, Correction, History.Mar, "x", A.Agent), At)
            .ThenRejected("reversals-are-finance", RejectionKind.Forbidden);

    [Fact]
    public void Reversing_a_payment_reopens_the_charges_it_paid_and_keeps_the_receipt()
    {
        var state = Scenarios.Account(TwoMonthsOnePaid).When(new ReversePayment(A.AccountId, Correction, History.PaymentOne, "transfer bounced", A.Finance), At).StateAfter;
        Assert.Equal(150m, state.ChargeOf(History.Feb)!.Owed);
        Assert.True(state.Payments[History.PaymentOne].Reversed);
        Assert.Equal([LedgerEntryKind.Charge, LedgerEntryKind.Charge, LedgerEntryKind.Payment, LedgerEntryKind.PaymentReversal], state.Ledger.Select(e => e.Kind));
        Assert.Equal(History.PaymentOne, state.Ledger[^1].Reverses);
    }

    [Fact]
    public void Reversing_a_payment_takes_its_credit_first()
    {
        var reversed = Scenarios.Account(History.Opened(), History.Charge(History.Feb, 150m, "2026-02"),
                History.Paid(History.PaymentOne, 200m, new ChargeAllocation(History.Feb, 150m)))
            .When(new ReversePayment(A.AccountId, Correction, History.PaymentOne, "wrong account", A.Finance), At).Single<PaymentReversed>();
        Assert.Equal(50m, reversed.FromCredit);
        Assert.Equal([new ChargeAllocation(History.Feb, 150m)], reversed.FromCharges);
    }

    [Fact]
    public void A_credit_note_lowers_what_a_charge_owes_by_a_managers_decision()
    {
        var state = Scenarios.Account(TwoMonthsOnePaid).When(new IssueCreditNote(A.AccountId, Correction, History.Mar, 50m, "goodwill: lift out of order", A.Manager), At).StateAfter;
        Assert.Equal(100m, state.ChargeOf(History.Mar)!.Owed);
        Assert.Equal(LedgerEntryKind.CreditNote, state.Ledger[^1].Kind);
    }

    [Fact]
    public void A_credit_note_cannot_exceed_what_the_charge_owes() =>
        Scenarios.Account(TwoMonthsOnePaid).When(new IssueCreditNote(A.AccountId, Correction, History.Mar, 151m, "x", A.Manager), At)
            .ThenRejected("credit-note-exceeds-owed", RejectionKind.Invalid, "amount");

    [Fact]
    public void Only_a_manager_issues_credit_notes() =>
        Scenarios.Account(TwoMonthsOnePaid).When(new IssueCreditNote(A.AccountId, Correction, History.Mar, 10m, "x", A.Finance), At)
            .ThenRejected("credit-notes-need-a-manager", RejectionKind.Forbidden);

    [Fact]
    public void A_refund_is_of_credit_only() =>
        Scenarios.Account(TwoMonthsOnePaid).When(new ApproveRefund(A.AccountId, Correction, 10m, "moved out", A.Policy, A.Manager), At)
            .ThenRejected("refund-exceeds-credit", RejectionKind.Invalid, "amount");

    [Fact]
    public void An_approved_refund_is_paid_within_a_week_by_default()
    {
        var approved = Scenarios.Account(History.Opened(), History.Paid(History.PaymentOne, 80m))
            .When(new ApproveRefund(A.AccountId, Correction, 80m, "moved out", A.Policy, A.Manager), At).Single<RefundApproved>();
        Assert.Equal(At.AddDays(7), approved.PayBy);
    }

    [Fact]
    public void An_approved_refund_holds_its_credit_and_its_payout_is_a_ledger_entry()
    {
        var approved = new RefundApproved(Correction, 80m, "moved out", At.AddDays(7), At);
        var state = Scenarios.Account(History.Opened(), History.Paid(History.PaymentOne, 80m), approved)
            .When(new PayRefund(A.AccountId, Correction, "TRF-0042", A.Finance), At.AddDays(2)).StateAfter;
        Assert.Equal(0m, state.Credit);
        Assert.Equal(LedgerEntryKind.Refund, state.Ledger[^1].Kind);
        Assert.Equal(0m, state.Balance);
    }

    [Fact]
    public void Only_a_manager_approves_a_refund() =>
        Scenarios.Account(History.Opened(), History.Paid(History.PaymentOne, 80m))
            .When(new ApproveRefund(A.AccountId, Correction, 80m, "moved out", A.Policy, A.Finance), At).ThenRejected("refunds-need-a-manager", RejectionKind.Forbidden);
}
