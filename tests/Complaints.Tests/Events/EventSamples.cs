namespace Platform.Complaints.Tests.Events;

/// <summary>One instance of every stored event, with every field filled where it can be.</summary>
public static class EventSamples
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 15, 10, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid WorkOrder = Guid.Parse("0193b000-0000-7000-8000-0000000000aa");

    public static IReadOnlyList<object> All { get; } =
    [
        new ComplaintRegistered(
            Id, "estate-xx", new UnitAddress("3", "2", "501"), new Reporter("Zhang", "13800138000", ReporterKind.Tenant, "resident-7"),
            Channel.CallCentre400, "water leaking", Category.EngineeringDesignDispute, Severity.Major, WorkOrder,
            new ComplaintSla(TimeSpan.FromHours(24), TimeSpan.FromDays(3), TimeSpan.FromDays(3), "Asia/Shanghai"), "agent-1", At),
        new ComplaintDeadlinesSet(At.AddHours(24), At.AddDays(3)),
        new ComplaintClassified(Category.WaterElectricity, Severity.General, true, false, At),
        new ComplaintTransferred("estate-xx", new UnitAddress("3", null, null), Category.Doors, "engineering", true, "fix the door", At),
        new ComplaintProgressCommunicated("on our way", true, At),
        new ComplaintEvidenceAttached("photos/1.jpg", "site", At),
        new ComplaintEscalated(HandlingLevel.CallCentreAgent, HandlingLevel.DepartmentManager, "group complaint", "supervisor-1", At),
        new CompensationClaimRaised(1, 10_000.50m, "ruined floor", true, At),
        new CompensationPlanDrafted(1, "pay", "slab leak", "clause 8", At),
        new CompensationSignOffRecorded(1, HandlingLevel.DepartmentManager, "dm-1", At),
        new CompensationApproved(1, 9_000m, HandlingLevel.GeneralManager, "gm-1", At),
        new CompensationRejected(1, "not covered", At),
        new CompensationLegalConfirmed(1, "Counsel Li", "dm-1", At),
        new SupplementaryAgreementSigned(1, "ARCH-17", At),
        new FeesWithheldOverClaim(1, At),
        new CompensationPayoutRecorded(1, 9_000m, "PAY-1", true, At),
        new ComplaintWorkOrderLinked(WorkOrder, At),
        new ComplaintResolved("estate-xx", "repaired", WorkOrder, At, At.AddDays(3)),
        new ComplaintReworkRecorded(WorkOrder, "still dripping", At, 7),
        new LinkedWorkOrderCompleted(WorkOrder, 9, At),
        new ComplaintFollowUpRecorded(2, FollowUpOutcome.NewDemand, "ok", "lift noise", At),
        new ComplaintReopened("not-satisfied", null, At, At.AddDays(3)),
        new LinkedCaseOpened(Id, 2, "lift noise", At),
        new ComplaintClosed("estate-xx", At),
        new ComplaintDeadlineMissed("estate-xx", DeadlineKind.FollowUp, At, At.AddMinutes(1)),
    ];
}
