using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Payments;
using Platform.Fees.ReadModel;
using Platform.Fees.Receipts;

namespace Platform.Fees.Features;

/// <param name="Currency">"CNY" when omitted; nothing else is accepted.</param>
public sealed record RecordPaymentRequest(
    [Required] Guid? AccountId, [Required] decimal? Amount, string? Currency, [Required] PaymentChannel? Channel, string? ProviderReference);

public sealed record HandOverCollectionsRequest([Required] string? EstateId, [Required] int? Year, [Required] IReadOnlyList<Guid>? PaymentIds, [Required] string? HandedOverTo);

public sealed record HandOverView(Guid Id, IReadOnlyList<Guid> PaymentIds, decimal Total);

public static class PaymentEndpoints
{
    public static void Map(RouteGroupBuilder fees)
    {
        fees.MapPost("/payments", RecordAsync)
            .WithName("RecordPayment")
            .RequireRoles(FeeRoles.PaymentTakers)
            .WithSummary("Take a payment at the window, the front desk or the door: it gets the next receipt number of the estate's year and is applied to the account's charges oldest first. Send an Idempotency-Key.")
            .Accepts<RecordPaymentRequest>("application/json")
            .Produces<PaymentView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fees.MapGet("/payments/{id:guid}", GetAsync)
            .WithName("GetPayment")
            .WithSummary("A receipted payment and where its money went.")
            .Produces<PaymentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        fees.MapPost("/hand-overs", HandOverAsync)
            .WithName("HandOverCollections")
            .RequireRoles([.. FeeRoles.CustomerService, Roles.FinanceClerk])
            .WithSummary("Hand the front desk's collections over to customer service (002:58): each payment once.")
            .Accepts<HandOverCollectionsRequest>("application/json")
            .Produces<HandOverView>()
            .ProducesCommandProblems();
    }

    private static async Task<IResult> RecordAsync(HttpContext http, PaymentDesk desk, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<RecordPaymentRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, body.RawText, out var envelope, out var problem)) return problem!;
        var (request, missing) = CommandRequest.Build(() =>
        {
            var b = body.Body!;
            var id = envelope.IdempotencyKey is { } key ? DeterministicId.Create("payment", key) : Guid.CreateVersion7();
            return new PaymentDesk.Request(id, Need.Value(b.AccountId, "accountId"), Need.Value(b.Amount, "amount"), b.Currency ?? RecordPayment.Yuan,
                Need.Value(b.Channel, "channel"), b.ProviderReference);
        });
        if (missing is not null) return missing;

        var outcome = await desk.RecordAsync(request!, actor, http.User, envelope, ct);
        return outcome.ToHttp(http, book => PaymentDesk.ViewOf(book, request!.PaymentId)!, $"{FeesService.RoutePrefix}/payments/{request!.PaymentId}");
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ReadModelDatabase database, ProjectionRunner<FeesProjection> runner, CancellationToken ct)
    {
        if (await ReadModelQueries.CatchUpAsync(http, runner, ct) is { } waitProblem) return waitProblem;
        using var connection = database.Open();
        var payment = Read(connection, id);
        return payment is not null && http.User.CanSeeEstate(payment.EstateId)
            ? Results.Ok(payment)
            : ApiProblems.NotFound("payment", id.ToString());
    }

    public static PaymentView? Read(SqliteConnection connection, Guid id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT receipt_number, account_id, estate_id, amount_fen, channel, received_by, received_at, applied, reversed, handed_over_to
            FROM fee_payments WHERE payment_id = $id;
            SELECT a.charge_id, a.fee_type, SUM(a.amount_fen) FROM fee_allocations a LEFT JOIN fee_charges c ON c.charge_id = a.charge_id
            WHERE a.payment_id = $id GROUP BY a.charge_id, a.fee_type ORDER BY COALESCE(MIN(c.sequence), 1000000);
            """;
        command.Parameters.AddWithValue("$id", id.ToString());
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var view = new PaymentView(id, reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetString(2), Yuan.FromFen(reader.GetInt64(3)),
            RecordPayment.Yuan, reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), SqlValues.ParseInstant(reader.GetString(6)),
            reader.GetInt32(7) == 1, reader.GetInt32(8) == 1, reader.IsDBNull(9) ? null : reader.GetString(9), []);
        reader.NextResult();
        var allocations = new List<PaymentAllocationView>();
        while (reader.Read())
        {
            var charge = reader.GetString(0);
            allocations.Add(new PaymentAllocationView(charge == "credit" ? null : Guid.Parse(charge), reader.GetString(1), Yuan.FromFen(reader.GetInt64(2))));
        }
        return view with { Allocations = allocations };
    }

    private static async Task<IResult> HandOverAsync(HttpContext http, CommandHandler<ReceiptBookState, IReceiptBookCommand> books, CancellationToken ct)
    {
        var body = await CommandRequest.ReadBodyAsync<HandOverCollectionsRequest>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, body.RawText, out var envelope, out var problem)) return problem!;
        var b = body.Body!;
        var (command, missing) = CommandRequest.Build(() => new HandOverCollections(
            Need.Text(b.EstateId, "estateId").Trim(), Need.Value(b.Year, "year"),
            envelope.IdempotencyKey is { } key ? DeterministicId.Create("hand-over", key) : Guid.CreateVersion7(),
            Need.Item(b.PaymentIds, "paymentIds"), Need.Text(b.HandedOverTo, "handedOverTo"), actor));
        if (missing is not null) return missing;
        if (!http.User.CanSeeEstate(command!.EstateId)) return ApiProblems.EstateNotVisible(command.EstateId);

        var outcome = await books.HandleAsync(FeeStreams.ReceiptBooks.For(FeeStreams.ReceiptBookId(command.EstateId, command.Year)), command, envelope, ct);
        return outcome.ToHttp(http, book => new HandOverView(command.HandOverId, command.PaymentIds, command.PaymentIds.Where(book.Receipts.ContainsKey).Sum(p => book.Receipts[p].Amount)));
    }
}
