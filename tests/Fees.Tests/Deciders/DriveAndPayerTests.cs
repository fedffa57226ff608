using Platform.BuildingBlocks.EventSourcing;
using Platform.Fees.Accounts;
using Platform.Fees.CollectionDrives;
using Platform.Fees.Features;
using Platform.TestSupport;

namespace Platform.Fees.Tests.Deciders;

public class DriveAndPayerTests
{
    private static readonly Guid Drive = Guid.Parse("0193b000-0000-7000-8000-0000000000dd");
    private static readonly DateTimeOffset At = A.Local(2026, 3, 2, 9);
    private static readonly DriveFigures AtStart = new(21, 31_500m, 0m);

    private static DeciderScenario<CollectionDriveState, ICollectionDriveCommand> Drives(params object[] given) => new(new CollectionDriveDecider(), given);

    private static StartCollectionDrive Start(DateTimeOffset? endsAt = null, Actor? by = null) =>
        new(Drive, A.Estate, "2025 arrears", new DateOnly(2025, 12, 31), endsAt ?? At.AddDays(30), AtStart, by ?? A.Finance);

    private static CollectionDriveStarted Started => new(Drive, A.Estate, "2025 arrears", new DateOnly(2025, 12, 31), At.AddDays(30), AtStart, At);

    [Fact]
    public void A_collection_drive_runs_a_month_over_the_arrears_in_scope_at_its_start() =>
        Drives().When(Start(), At).Then(Started);

    [Fact]
    public void A_drive_ends_after_it_starts() =>
        Drives().When(Start(endsAt: At), At).ThenRejected("drive-ends-before-it-starts", RejectionKind.Invalid, "endsAt");

    [Fact]
    public void A_collector_does_not_start_a_drive() =>
        Drives().When(Start(by: A.Collector), At).ThenRejected("drives-need-finance-or-a-manager", RejectionKind.Forbidden);

    [Fact]
    public void The_watcher_ends_a_drive_at_its_end_and_not_before()
    {
        var atEnd = new DriveFigures(5, 7_500m, 24_000m);
        Drives(Started).When(new EndCollectionDrive(Drive, atEnd, Actor.System), At.AddDays(29)).ThenNothing();
        Drives(Started).When(new EndCollectionDrive(Drive, atEnd, Actor.System), At.AddDays(31)).Then(new CollectionDriveEnded(atEnd, At.AddDays(30)));
    }

    [Fact]
    public void A_drive_ends_once() =>
        Drives(Started, new CollectionDriveEnded(AtStart, At.AddDays(3))).When(new EndCollectionDrive(Drive, AtStart, A.Finance), At.AddDays(4)).ThenNothing();

    [Fact]
    public void A_new_tenant_becomes_the_payer_and_the_ledger_stays_with_the_unit()
    {
        var state = Scenarios.Account(History.Opened(), History.Charge(History.Feb, 150m))
            .When(new ChangePayer(A.AccountId, PayerKind.Tenant, new Payer("王五", "13900139000"), A.Finance), At).StateAfter;
        Assert.Equal((PayerKind.Tenant, "王五"), (state.PayerKind, state.Payer.Name));
        Assert.Equal(150m, state.Owed);
    }

    [Fact]
    public void Only_finance_changes_the_payer() =>
        Scenarios.Account(History.Opened()).When(new ChangePayer(A.AccountId, PayerKind.Tenant, new Payer("王五", null), A.Agent), At)
            .ThenRejected("payers-are-changed-by-finance", RejectionKind.Forbidden);
}
