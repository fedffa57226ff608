using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Api;

namespace Platform.Fees.Features;

public sealed record RecordDunningActionRequest([Required] DunningMethod? Method, [Required] DunningResult? Result, [FreeText] string? Note);

public sealed record DisputeChargesRequest([Required] DisputeReason? Reason, Guid? ComplaintId, [FreeText] string? Note);

public sealed record ResolveDisputeRequest([Required] DisputeResolution? Resolution);

public sealed record ReverseRequest([Required, FreeText] string? Reason);

public sealed record IssueCreditNoteRequest([Required] Guid? ChargeId, [Required] decimal? Amount, [Required, FreeText] string? Reason);

public sealed record ApproveRefundRequest([Required] decimal? Amount, [Required, FreeText] string? Reason);

public sealed record PayRefundRequest([Required] string? PaymentReference);

/// <summary>Account commands whose request names everything they need: dunning, disputes, reversals, credit notes, refunds.</summary>
public static class AccountActionEndpoints
{
    public static void Map(RouteGroupBuilder fees)
    {
        fees.MapPost("/accounts/{id:guid}/dunning-actions", (Guid id, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<RecordDunningActionRequest>(http, id, (b, by, state) => new RecordDunningAction(
                    id, KeyedId(http, "dunning", id), Need.Value(b.Method, "method"), Need.Value(b.Result, "result"), b.Note, c.PolicyOf(state), by), ct))
            .WithName("RecordDunningAction")
            .RequireRoles(FeeRoles.DunningStaff)
            .WithSummary("Record a dunning action (催缴) on the overdue charges, with its method and result; refused while the charges are disputed.")
            .Accepts<RecordDunningActionRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();

        fees.MapPost("/accounts/{id:guid}/dispute", (Guid id, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<DisputeChargesRequest>(http, id, (b, by, _) => new DisputeCharges(
                    id, KeyedId(http, "dispute", id), Need.Value(b.Reason, "reason"), b.ComplaintId, null, b.Note, by), ct))
            .WithName("DisputeCharges")
            .RequireRoles([.. FeeRoles.CustomerService, .. FeeRoles.Finance])
            .WithSummary("The owner withholds payment over a compensation claim or construction defects: the charges are disputed, and nobody chases them.")
            .Accepts<DisputeChargesRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();

        fees.MapPost("/accounts/{id:guid}/dispute/resolution", (Guid id, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<ResolveDisputeRequest>(http, id, (b, by, state) => new ResolveDispute(
                    id, state.OpenDispute?.DisputeId, Need.Value(b.Resolution, "resolution"), null, by), ct))
            .WithName("ResolveDispute")
            .RequireRoles([.. FeeRoles.CustomerService, .. FeeRoles.Finance])
            .WithSummary("End the open dispute: the charges are owed again and dunning resumes.")
            .Accepts<ResolveDisputeRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();

        fees.MapPost("/accounts/{id:guid}/charges/{chargeId:guid}/reversal", (Guid id, Guid chargeId, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<ReverseRequest>(http, id, (b, by, _) => new ReverseCharge(id, KeyedId(http, "reversal", id), chargeId, Need.Text(b.Reason, "reason"), by), ct))
            .WithName("ReverseCharge")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("Reverse a charge issued in error; nothing posted changes, the reversal names it. What was paid on it becomes credit.")
            .Accepts<ReverseRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();

        fees.MapPost("/accounts/{id:guid}/payments/{paymentId:guid}/reversal", (Guid id, Guid paymentId, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<ReverseRequest>(http, id, (b, by, _) => new ReversePayment(id, KeyedId(http, "reversal", id), paymentId, Need.Text(b.Reason, "reason"), by), ct))
            .WithName("ReversePayment")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("Reverse a payment (a bounced transfer, the wrong account): the receipt stays, the charges it paid are owed again.")
            .Accepts<ReverseRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();

        fees.MapPost("/accounts/{id:guid}/credit-notes", (Guid id, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<IssueCreditNoteRequest>(http, id, (b, by, _) => new IssueCreditNote(
                    id, KeyedId(http, "credit-note", id), Need.Value(b.ChargeId, "chargeId"), Need.Value(b.Amount, "amount"), Need.Text(b.Reason, "reason"), by), ct))
            .WithName("IssueCreditNote")
            .RequireRoles(FeeRoles.Approvers)
            .WithSummary("A credit note lowering what a charge owes, by a manager.")
            .Accepts<IssueCreditNoteRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();

        fees.MapPost("/accounts/{id:guid}/refunds", (Guid id, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<ApproveRefundRequest>(http, id, (b, by, state) => new ApproveRefund(
                    id, KeyedId(http, "refund", id), Need.Value(b.Amount, "amount"), Need.Text(b.Reason, "reason"), c.PolicyOf(state), by), ct))
            .WithName("ApproveRefund")
            .RequireRoles(FeeRoles.Approvers)
            .WithSummary("Approve a refund of the account's credit, to be paid within a week by default (000:392).")
            .Accepts<ApproveRefundRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();

        fees.MapPost("/accounts/{id:guid}/refunds/{refundId:guid}/payment", (Guid id, Guid refundId, HttpContext http, AccountCommands c, CancellationToken ct) =>
                c.ExecuteAsync<PayRefundRequest>(http, id, (b, by, _) => new PayRefund(id, refundId, Need.Text(b.PaymentReference, "paymentReference"), by), ct))
            .WithName("PayRefund")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("Record that an approved refund was paid, with the transfer's reference.")
            .Accepts<PayRefundRequest>("application/json").Produces<PayerAccountView>().ProducesCommandProblems();
    }

    /// <summary>The id of what a request creates: derived from its Idempotency-Key, so a retry names the same thing.</summary>
    public static Guid KeyedId(HttpContext http, string kind, Guid accountId) => CommandRequest.KeyedId(http, kind, accountId.ToString());
}
