using MassTransit;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Complaints;
using Platform.Fees.Accounts;
using Platform.Fees.Features;

namespace Platform.Fees.Integration;

/// <summary>
/// F9: the owner withholds fees over a compensation claim, so the unit's account is disputed; the claim settled (approved
/// with its agreement signed, or rejected) resolves the dispute and dunning resumes. The dispute id follows from the
/// complaint and claim, so redelivery changes nothing and the settlement ends exactly the dispute the claim opened.
/// </summary>
public sealed class CompensationConsumers(CommandHandler<PayerAccountState, IPayerAccountCommand> accounts)
    : IConsumer<FeesWithheldOverClaimV1>, IConsumer<CompensationSettledV1>
{
    public static Guid DisputeIdOf(Guid complaintId, int claimNumber) =>
        DeterministicId.Create("compensation-dispute", complaintId.ToString(), claimNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task Consume(ConsumeContext<FeesWithheldOverClaimV1> context)
    {
        var m = context.Message;
        var reason = m.Reason == "construction-defects" ? DisputeReason.ConstructionDefects : DisputeReason.Compensation;
        var account = AccountOf(m.Unit);
        var dispute = new DisputeCharges(account, DisputeIdOf(m.ComplaintId, m.ClaimNumber), reason, m.ComplaintId, m.ClaimNumber, null, Actor.System);
        (await accounts.HandleAsync(FeeStreams.Accounts.For(account), dispute, CommandEnvelope.FromMessage(context), context.CancellationToken))
            .ThrowIfRejected($"Disputing the charges of complaint {m.ComplaintId}");
    }

    public async Task Consume(ConsumeContext<CompensationSettledV1> context)
    {
        var m = context.Message;
        var resolution = m.Outcome == "approved" ? DisputeResolution.CompensationApproved : DisputeResolution.ClaimRejected;
        var account = AccountOf(m.Unit);
        var resolve = new ResolveDispute(account, DisputeIdOf(m.ComplaintId, m.ClaimNumber), resolution, m.ApprovedAmount, Actor.System);
        var outcome = await accounts.HandleAsync(FeeStreams.Accounts.For(account), resolve, CommandEnvelope.FromMessage(context), context.CancellationToken);
        // A claim settled for a unit without an account withheld nothing here.
        if (outcome is CommandOutcome<PayerAccountState>.Rejected { Rejection.Code: "account-not-found" }) return;
        outcome.ThrowIfRejected($"Resolving the dispute of complaint {m.ComplaintId}");
    }

    private static Guid AccountOf(Contracts.Complaints.UnitAddress unit) => new UnitAddress(unit.EstateId, unit.Building, unit.Entrance, unit.Room).AccountId;
}
