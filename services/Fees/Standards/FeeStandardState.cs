using System.Collections.Immutable;

namespace Platform.Fees.Standards;

/// <summary>One rate of a standard and the days it is in force (both inclusive; an open end has no <see cref="To"/>).</summary>
public sealed record RatePeriod(decimal Rate, DateOnly From, DateOnly? To, string ApprovalReference)
{
    public bool Covers(DateOnly day) => day >= From && (To is null || day <= To);
}

/// <summary>A fee standard folded from its events: its rate periods never overlap, by construction.</summary>
public sealed record FeeStandardState
{
    public static FeeStandardState Initial { get; } = new();

    public bool Exists { get; init; }
    public Guid Id { get; init; }
    public string EstateId { get; init; } = "";
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public FeeType FeeType { get; init; }
    public RateUnit Unit { get; init; }
    public int ReviewMonth { get; init; } = 4;
    public DateOnly? LastReviewedOn { get; init; }
    public DateOnly ApprovedOn { get; init; }
    public ImmutableList<RatePeriod> Periods { get; init; } = [];

    public RatePeriod? InForceOn(DateOnly day) => Periods.FirstOrDefault(p => p.Covers(day));

    /// <summary>The first review month after the last review (or the approval).</summary>
    public DateOnly NextReviewDue
    {
        get
        {
            var from = LastReviewedOn ?? ApprovedOn;
            var thisYear = new DateOnly(from.Year, ReviewMonth, 1);
            return thisYear > from ? thisYear : thisYear.AddYears(1);
        }
    }

    public FeeStandardState Apply(object @event) => @event switch
    {
        FeeStandardApproved e => this with
        {
            Exists = true,
            Id = e.StandardId,
            EstateId = e.EstateId,
            Code = e.Code,
            Name = e.Name,
            FeeType = e.FeeType,
            Unit = e.Unit,
            ReviewMonth = e.ReviewMonth,
            ApprovedOn = DateOnly.FromDateTime(e.ApprovedAt.UtcDateTime),
            Periods = [new RatePeriod(e.Rate, e.ValidFrom, e.ValidTo, e.ApprovalReference)],
        },
        FeeStandardReviewed { Revised: false } e => this with { LastReviewedOn = e.ReviewedOn },
        FeeStandardReviewed e => this with { LastReviewedOn = e.ReviewedOn, Periods = Revise(e) },
        _ => this,
    };

    /// <summary>The period the new rate starts in ends the day before; the new rate runs to that period's end.</summary>
    private ImmutableList<RatePeriod> Revise(FeeStandardReviewed e)
    {
        var current = Periods.Last();
        return Periods.RemoveAt(Periods.Count - 1)
            .Add(current with { To = e.EffectiveFrom.AddDays(-1) })
            .Add(new RatePeriod(e.Rate, e.EffectiveFrom, current.To, e.ApprovalReference));
    }
}
