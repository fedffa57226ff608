using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Api;
using Platform.Fees.Standards;

using NewStandard = Platform.BuildingBlocks.Http.NewAggregate<Platform.Fees.Standards.IFeeStandardCommand>;

namespace Platform.Fees.Features;

/// <param name="Code">The estate's code for the standard, e.g. "PF-RES"; a charge names it.</param>
/// <param name="ReviewMonth">The month of the yearly review, 4 (April) when omitted.</param>
public sealed record ApproveFeeStandardRequest(
    [Required] string? EstateId,
    [Required] string? Code,
    [Required] string? Name,
    [Required] FeeType? FeeType,
    [Required] decimal? Rate,
    [Required] RateUnit? Unit,
    [Required] DateOnly? ValidFrom,
    DateOnly? ValidTo,
    [Required] string? ApprovalReference,
    int? ReviewMonth);

public sealed record ReviewFeeStandardRequest(
    [Required] DateOnly? ReviewedOn,
    decimal? NewRate,
    [RequiredWhen("when newRate is given")] DateOnly? EffectiveFrom,
    [RequiredWhen("when newRate is given")] string? ApprovalReference);

public static class FeeStandardEndpoints
{
    public static void Map(RouteGroupBuilder fees)
    {
        fees.MapPost("/standards", (HttpContext http, StandardCommands commands, CancellationToken ct) =>
                commands.CreateAsync<ApproveFeeStandardRequest>(http, (b, by, _) =>
                {
                    var estate = Need.Text(b.EstateId, "estateId");
                    var code = Need.Text(b.Code, "code");
                    var id = FeeStreams.StandardId(estate, code);
                    return NewStandard.At(id, new ApproveFeeStandard(
                        id, estate, code, Need.Text(b.Name, "name"), Need.Value(b.FeeType, "feeType"), Need.Value(b.Rate, "rate"),
                        Need.Value(b.Unit, "unit"), Need.Value(b.ValidFrom, "validFrom"), b.ValidTo, Need.Text(b.ApprovalReference, "approvalReference"),
                        b.ReviewMonth ?? ApproveFeeStandard.DefaultReviewMonth, by), estate.Trim());
                }, ct))
            .WithName("ApproveFeeStandard")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("Record a fee standard the price authority approved (000:26). One code per estate; a new rate comes through the review.")
            .Accepts<ApproveFeeStandardRequest>("application/json")
            .Produces<FeeStandardView>(StatusCodes.Status201Created)
            .ProducesCommandProblems();

        fees.MapPost("/standards/{id:guid}/review", (Guid id, HttpContext http, StandardCommands commands, CancellationToken ct) =>
                commands.ExecuteAsync<ReviewFeeStandardRequest>(http, id, (b, by, _) =>
                    new ReviewFeeStandard(id, Need.Value(b.ReviewedOn, "reviewedOn"), b.NewRate, b.EffectiveFrom, b.ApprovalReference, by), ct))
            .WithName("ReviewFeeStandard")
            .RequireRoles(FeeRoles.Finance)
            .WithSummary("Record the yearly review (年审, April by default): the rate confirmed, or a new approved rate from a date.")
            .Accepts<ReviewFeeStandardRequest>("application/json")
            .Produces<FeeStandardView>()
            .ProducesCommandProblems();

        fees.MapGet("/standards/{id:guid}", (Guid id, HttpContext http, StandardCommands commands, CancellationToken ct) => commands.GetAsync(http, id, ct))
            .WithName("GetFeeStandard")
            .WithSummary("One fee standard with every rate period it has had.")
            .Produces<FeeStandardView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
