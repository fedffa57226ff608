using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.Billing;
using Platform.Fees.Receipts;
using Platform.Fees.Standards;
using Platform.TestSupport;

namespace Platform.Fees.Tests.Events;

/// <summary>The stored JSON of every Fees event type, exactly: a change here means a new version with an upcaster.</summary>
public class EventJsonSnapshotTests
{
    private static readonly Guid Id = Guid.Parse("0193c000-0000-7000-8000-000000000001");
    private static readonly Guid Other = Guid.Parse("0193c000-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Day = new(2026, 3, 20);
    private static readonly EventTypeMap Types = new EventTypeMap().RegisterAssemblyOf<PayerAccountDecider>();

    public static TheoryData<string, string> Cases => new()
    {
        { "FeeStandardApproved.v1", """{"standardId":"0193c000-0000-7000-8000-000000000001","estateId":"e","code":"PF","name":"n","feeType":"propertyFee","rate":1.50,"unit":"perSquareMetreMonth","validFrom":"2026-01-01","validTo":null,"approvalReference":"PB","reviewMonth":4,"approvedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "FeeStandardReviewed.v1", """{"reviewedOn":"2026-03-20","revised":true,"rate":1.80,"effectiveFrom":"2026-03-20","approvalReference":"PB2","reviewedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "PayerAccountOpened.v1", """{"accountId":"0193c000-0000-7000-8000-000000000001","unit":{"estateId":"e","building":"3","entrance":null,"room":"501"},"payerKind":"tenant","payer":{"name":"Li","phone":null},"occupancy":"ownerAway","floorArea":88.5,"parkingSpaces":1,"propertyFeeStandard":"PF","parkingFeeStandard":"PK","openedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "PayerChanged.v1", """{"from":"owner","to":"tenant","payer":{"name":"Wang","phone":"13900139000"},"changedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "CollectionDriveStarted.v1", """{"driveId":"0193c000-0000-7000-8000-000000000001","estateId":"e","name":"2025 arrears","dueOnOrBefore":"2026-03-20","endsAt":"2026-03-02T10:00:00+08:00","atStart":{"accountsOwing":21,"owed":31500,"collected":0},"startedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "CollectionDriveEnded.v1", """{"atEnd":{"accountsOwing":5,"owed":7500,"collected":24000},"endedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "OccupancyChanged.v1", """{"from":"occupied","to":"vacant","changedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ChargeIssued.v1", """{"chargeId":"0193c000-0000-7000-8000-000000000001","feeType":"paidRepair","period":"2026-03","standardCode":"R","rate":60,"unit":"perJob","quantity":2,"amount":120,"dueOn":null,"overdueFrom":null,"sourceRef":"work-order:x","issuedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "CreditApplied.v1", """{"chargeId":"0193c000-0000-7000-8000-000000000001","amount":5,"appliedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "PaymentRequestIssued.v1", """{"requestId":"0193c000-0000-7000-8000-000000000001","chargeIds":["0193c000-0000-7000-8000-000000000002"],"total":120,"issuedOn":"2026-03-20","dueOn":"2026-03-20","overdueFrom":"2026-03-02T10:00:00+08:00","issuedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "PaymentApplied.v1", """{"paymentId":"0193c000-0000-7000-8000-000000000001","receiptNumber":"E/2026/000001","amount":130,"channel":"frontDesk","allocations":[{"chargeId":"0193c000-0000-7000-8000-000000000002","amount":120}],"toCredit":10,"receivedAt":"2026-03-02T10:00:00+08:00","appliedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ChargeOverdue.v1", """{"chargeId":"0193c000-0000-7000-8000-000000000001","dueOn":"2026-03-20","owed":120,"nextLateFeeAt":null,"detectedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "LateFeeAccrued.v1", """{"chargeId":"0193c000-0000-7000-8000-000000000001","fromDay":"2026-03-20","throughDay":"2026-03-20","amount":0.12,"nextAccrualAt":"2026-03-02T10:00:00+08:00","accruedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "DunningActionRecorded.v1", """{"actionId":"0193c000-0000-7000-8000-000000000001","method":"doorVisit","result":"notReached","level":2,"chargeIds":["0193c000-0000-7000-8000-000000000002"],"note":null,"recordedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ChargesDisputed.v1", """{"disputeId":"0193c000-0000-7000-8000-000000000001","reason":"constructionDefects","complaintId":"0193c000-0000-7000-8000-000000000002","claimNumber":1,"chargeIds":[],"note":null,"disputedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "DisputeResolved.v1", """{"disputeId":"0193c000-0000-7000-8000-000000000001","resolution":"compensationApproved","approvedCompensation":800,"resolvedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "ChargeReversed.v1", """{"reversalId":"0193c000-0000-7000-8000-000000000001","chargeId":"0193c000-0000-7000-8000-000000000002","reason":"r","releasedToCredit":0,"reversedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "PaymentReversed.v1", """{"reversalId":"0193c000-0000-7000-8000-000000000001","paymentId":"0193c000-0000-7000-8000-000000000002","reason":"r","fromCredit":10,"fromCharges":[],"reversedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "CreditNoteIssued.v1", """{"creditNoteId":"0193c000-0000-7000-8000-000000000001","chargeId":"0193c000-0000-7000-8000-000000000002","amount":10,"reason":"r","issuedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "RefundApproved.v1", """{"refundId":"0193c000-0000-7000-8000-000000000001","amount":10,"reason":"r","payBy":"2026-03-02T10:00:00+08:00","approvedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "RefundPaid.v1", """{"refundId":"0193c000-0000-7000-8000-000000000001","amount":10,"paymentReference":"T","paidAt":"2026-03-02T10:00:00+08:00"}""" },
        { "RefundOverdue.v1", """{"refundId":"0193c000-0000-7000-8000-000000000001","payBy":"2026-03-02T10:00:00+08:00","detectedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "PaymentReceived.v1", """{"paymentId":"0193c000-0000-7000-8000-000000000001","receiptNumber":"E/2026/000001","sequence":1,"estateId":"e","accountId":"0193c000-0000-7000-8000-000000000002","amount":130,"currency":"CNY","channel":"paymentProvider","providerReference":"WX-1","receivedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "CollectionsHandedOver.v1", """{"handOverId":"0193c000-0000-7000-8000-000000000001","paymentIds":["0193c000-0000-7000-8000-000000000002"],"total":130,"handedOverTo":"cs","handedOverAt":"2026-03-02T10:00:00+08:00"}""" },
        { "BillingRunStarted.v1", """{"runId":"0193c000-0000-7000-8000-000000000001","estateId":"e","kind":"paymentRequests","period":"2026-03","startedAt":"2026-03-02T10:00:00+08:00"}""" },
        { "BillingRunCompleted.v1", """{"accounts":2,"chargesIssued":1,"total":150,"skipped":[{"accountId":"0193c000-0000-7000-8000-000000000002","reason":"r"}],"completedAt":"2026-03-02T10:00:00+08:00"}""" },
    };

    private static readonly Dictionary<string, object> Events = new()
    {
        ["FeeStandardApproved.v1"] = new FeeStandardApproved(Id, "e", "PF", "n", FeeType.PropertyFee, 1.50m, RateUnit.PerSquareMetreMonth, new DateOnly(2026, 1, 1), null, "PB", 4, At),
        ["FeeStandardReviewed.v1"] = new FeeStandardReviewed(Day, true, 1.80m, Day, "PB2", At),
        ["PayerAccountOpened.v1"] = new PayerAccountOpened(Id, new UnitAddress("e", "3", null, "501"), PayerKind.Tenant, new Payer("Li", null), Occupancy.OwnerAway, 88.5m, 1, "PF", "PK", At),
        ["PayerChanged.v1"] = new PayerChanged(PayerKind.Owner, PayerKind.Tenant, new Payer("Wang", "13900139000"), At),
        ["CollectionDriveStarted.v1"] = new CollectionDrives.CollectionDriveStarted(Id, "e", "2025 arrears", Day, At, new CollectionDrives.DriveFigures(21, 31500m, 0m), At),
        ["CollectionDriveEnded.v1"] = new CollectionDrives.CollectionDriveEnded(new CollectionDrives.DriveFigures(5, 7500m, 24000m), At),
        ["OccupancyChanged.v1"] = new OccupancyChanged(Occupancy.Occupied, Occupancy.Vacant, At),
        ["ChargeIssued.v1"] = new ChargeIssued(Id, FeeType.PaidRepair, "2026-03", "R", 60m, RateUnit.PerJob, 2m, 120m, null, null, "work-order:x", At),
        ["CreditApplied.v1"] = new CreditApplied(Id, 5m, At),
        ["PaymentRequestIssued.v1"] = new PaymentRequestIssued(Id, [Other], 120m, Day, Day, At, At),
        ["PaymentApplied.v1"] = new PaymentApplied(Id, "E/2026/000001", 130m, PaymentChannel.FrontDesk, [new ChargeAllocation(Other, 120m)], 10m, At, At),
        ["ChargeOverdue.v1"] = new ChargeOverdue(Id, Day, 120m, null, At),
        ["LateFeeAccrued.v1"] = new LateFeeAccrued(Id, Day, Day, 0.12m, At, At),
        ["DunningActionRecorded.v1"] = new DunningActionRecorded(Id, DunningMethod.DoorVisit, DunningResult.NotReached, 2, [Other], null, At),
        ["ChargesDisputed.v1"] = new ChargesDisputed(Id, DisputeReason.ConstructionDefects, Other, 1, [], null, At),
        ["DisputeResolved.v1"] = new DisputeResolved(Id, DisputeResolution.CompensationApproved, 800m, At),
        ["ChargeReversed.v1"] = new ChargeReversed(Id, Other, "r", 0m, At),
        ["PaymentReversed.v1"] = new PaymentReversed(Id, Other, "r", 10m, [], At),
        ["CreditNoteIssued.v1"] = new CreditNoteIssued(Id, Other, 10m, "r", At),
        ["RefundApproved.v1"] = new RefundApproved(Id, 10m, "r", At, At),
        ["RefundPaid.v1"] = new RefundPaid(Id, 10m, "T", At),
        ["RefundOverdue.v1"] = new RefundOverdue(Id, At, At),
        ["PaymentReceived.v1"] = new PaymentReceived(Id, "E/2026/000001", 1, "e", Other, 130m, "CNY", PaymentChannel.PaymentProvider, "WX-1", At),
        ["CollectionsHandedOver.v1"] = new CollectionsHandedOver(Id, [Other], 130m, "cs", At),
        ["BillingRunStarted.v1"] = new BillingRunStarted(Id, "e", BillingRunKind.PaymentRequests, "2026-03", At),
        ["BillingRunCompleted.v1"] = new BillingRunCompleted(2, 1, 150m, [new SkippedAccount(Other, "r")], At),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_event_is_stored_as_its_snapshot(string name, string json) => EventJsonSnapshot.Matches(Types, Events[name], name, json);

    [Fact]
    public void Every_event_type_of_the_service_has_a_snapshot()
    {
        var declared = typeof(PayerAccountDecider).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(EventTypeAttribute), false).Length > 0)
            .Select(t => Types.NameOf(t)).Order();
        Assert.Equal(declared, Events.Keys.Order());
    }
}
