using Platform.Complaints.Reports;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Reports;

public sealed class ComplaintKpiReportTests
{
    private static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset YearEnd = YearStart.AddYears(1);

    private static ComplaintKpis Calculate(IEnumerable<KpiComplaint> complaints, int followUps = 0, int satisfied = 0, EstatePolicy? policy = null) =>
        ComplaintKpiReport.Calculate(Estate, YearStart, YearEnd, policy ?? EstatePolicy.Default(10_000), complaints.ToList(), followUps, satisfied);

    private static IEnumerable<KpiComplaint> Many(int count, bool? valid = true, bool completed = true, Category category = Category.Noise) =>
        Enumerable.Repeat(new KpiComplaint(category, valid, completed), count);

    [Fact]
    public void Handling_rate_is_completed_over_received()
    {
        var kpis = Calculate(Many(1420).Concat(Many(12, completed: false)));
        Assert.Equal(1432, kpis.Received);
        Assert.Equal(1420, kpis.Completed);
        Assert.Equal(99.16m, kpis.HandlingRatePercent);
    }

    [Fact]
    public void The_handling_rate_is_judged_against_a_target_of_100_percent_by_default()
    {
        var all = Calculate(Many(30));
        var oneOpen = Calculate(Many(29).Concat(Many(1, completed: false)));

        Assert.Equal(1.00m, all.HandlingRateTarget);
        Assert.True(all.HandlingRateTargetMet);
        Assert.False(oneOpen.HandlingRateTargetMet);
        Assert.Null(Calculate([]).HandlingRateTargetMet);
    }

    [Fact]
    public void An_estate_may_set_a_lower_handling_rate_target()
    {
        var kpis = Calculate(Many(1420).Concat(Many(12, completed: false)), policy: EstatePolicy.Default(10_000) with { HandlingRateTarget = 0.98m });

        Assert.Equal(0.98m, kpis.HandlingRateTarget);
        Assert.True(kpis.HandlingRateTargetMet);
    }

    [Fact]
    public void S11_Four_valid_complaints_per_10000_households_meet_the_complaint_rate_target()
    {
        var kpis = Calculate(Many(4).Concat(Many(20, valid: false)).Concat(Many(3, valid: null)));
        Assert.Equal(4, kpis.ValidComplaints);
        Assert.Equal(4m, kpis.ValidPer10kHouseholds);
        Assert.True(kpis.ComplaintRateTargetMet);
    }

    [Fact]
    public void S11_Six_valid_complaints_per_10000_households_miss_the_complaint_rate_target()
    {
        var kpis = Calculate(Many(6));
        Assert.Equal(6m, kpis.ValidPer10kHouseholds);
        Assert.False(kpis.ComplaintRateTargetMet);
    }

    [Fact]
    public void Exactly_5_valid_complaints_per_10000_households_meet_the_target() =>
        Assert.True(Calculate(Many(5)).ComplaintRateTargetMet);

    [Fact]
    public void The_complaint_rate_scales_with_the_estates_households()
    {
        var kpis = Calculate(Many(2), policy: EstatePolicy.Default(3_000));
        Assert.Equal(6.67m, kpis.ValidPer10kHouseholds);
        Assert.False(kpis.ComplaintRateTargetMet);
    }

    [Fact]
    public void S13_Satisfaction_of_91_percent_passes_the_90_percent_target_and_fails_a_95_percent_one()
    {
        var kpis = Calculate([], followUps: 78, satisfied: 71);
        Assert.Equal(91.03m, kpis.SatisfactionPercent);
        Assert.True(kpis.SatisfactionTargetMet);

        var strict = Calculate([], followUps: 78, satisfied: 71, policy: EstatePolicy.Default(10_000) with { SatisfactionTarget = 0.95m });
        Assert.False(strict.SatisfactionTargetMet);
    }

    [Fact]
    public void Complaints_are_counted_by_category()
    {
        var kpis = Calculate(Many(3, category: Category.Noise).Concat(Many(2, category: Category.WaterElectricity)));
        Assert.Equal(3, kpis.ByCategory["noise"]);
        Assert.Equal(2, kpis.ByCategory["water-electricity"]);
        Assert.Equal(0, kpis.ByCategory["heating"]);
        Assert.Equal(Enum.GetValues<Category>().Length, kpis.ByCategory.Count);
    }

    [Fact]
    public void Without_complaints_follow_ups_or_households_there_are_no_rates()
    {
        var kpis = Calculate([], policy: EstatePolicy.Default(0));
        Assert.Null(kpis.HandlingRatePercent);
        Assert.Null(kpis.ValidPer10kHouseholds);
        Assert.Null(kpis.ComplaintRateTargetMet);
        Assert.Null(kpis.SatisfactionPercent);
        Assert.Null(kpis.SatisfactionTargetMet);
    }

    [Fact]
    public void The_report_reads_the_projection_tables_for_the_estate_and_period()
    {
        using var db = new TempReadModel();
        Guid Id(int n) => Guid.Parse($"0193a000-0000-7000-8000-{n:D12}");

        // Closed after a satisfied follow-up, valid.
        db.Feed(Id(1), Registered(), Classified(valid: true), Resolved(), FollowedUp(FollowUpOutcome.Satisfied), Closed());
        // Resolved, follow-up not satisfied, reopened: not completed, valid.
        db.Feed(Id(2), [RegisteredEvent(Category.Noise) with { ComplaintId = Id(2) }], Classified(Category.Noise, valid: true), Resolved(),
            FollowedUp(FollowUpOutcome.NotSatisfied), [new ComplaintReopened("not-satisfied", null, ResolvedAt.AddDays(1), null)]);
        // Resolved, not judged valid.
        db.Feed(Id(3), [RegisteredEvent() with { ComplaintId = Id(3) }], Resolved());
        // Another estate, and another year: both left out.
        db.Feed(Id(4), [RegisteredEvent() with { ComplaintId = Id(4), EstateId = "estate-yy" }], Classified(valid: true));
        db.Feed(Id(5), [RegisteredEvent() with { ComplaintId = Id(5), RegisteredAt = YearEnd }], Classified(valid: true));

        var kpis = ComplaintKpiReport.Query(db.Connection, Estate, YearStart, YearEnd, EstatePolicy.Default(10_000));

        Assert.Equal(3, kpis.Received);
        Assert.Equal(2, kpis.Completed);
        Assert.Equal(66.67m, kpis.HandlingRatePercent);
        Assert.Equal(2, kpis.ValidComplaints);
        Assert.Equal(2m, kpis.ValidPer10kHouseholds);
        Assert.Equal(2, kpis.FollowUps);
        Assert.Equal(1, kpis.SatisfiedFollowUps);
        Assert.Equal(50m, kpis.SatisfactionPercent);
        Assert.False(kpis.SatisfactionTargetMet);
        Assert.Equal(2, kpis.ByCategory["house-repair"]);
        Assert.Equal(1, kpis.ByCategory["noise"]);
    }
}
