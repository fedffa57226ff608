using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Requisitions;

namespace Platform.Inventory.Features;

/// <summary>
/// The three signatures of 000:157, in the order of decision 4: the requester, the team leader (班长), the manager (经理).
/// One person never signs two tiers of one requisition, whatever roles they hold: that is the separation of duties the
/// usual approval tiers leave out.
/// </summary>
public sealed record SignRequisition(Guid RequisitionId, SignatureTier Tier, Actor By) : IRequisitionCommand
{
    public static Decision Decide(SignRequisition command, RequisitionState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("requisition-not-found", "There is no such requisition.");
        if (state.Rejection is { } rejected)
            return Rejection.Conflict("requisition-rejected", $"The requisition was rejected by the {Name(rejected.Tier)}: {rejected.Reason}");
        if (state.Signers.TryGetValue(command.Tier, out var signer))
            return signer == command.By.Id
                ? Decision.NoChange
                : Rejection.Conflict("tier-signed-already", $"The {Name(command.Tier)} signed this requisition already.");

        var forbidden = command.Tier switch
        {
            SignatureTier.Requester => command.By.Id == state.RequesterId
                ? null
                : Rejection.Forbidden("requester-signs-own-requisition", "Only the requester signs as the requester."),
            SignatureTier.TeamLeader => CommandRules.RequireRole(command.By, InventoryRoles.TeamLeaders, "team-leader-signature", "The second signature is a team leader's (班长)."),
            _ => CommandRules.RequireRole(command.By, InventoryRoles.Managers, "manager-signature", "The third signature is a manager's (经理)."),
        };
        if (forbidden is not null) return forbidden;
        if (state.NextTier != command.Tier)
            return Rejection.Conflict("signature-out-of-order",
                $"The {Name(state.NextTier!.Value)} signs before the {Name(command.Tier)}: requester, then team leader, then manager.");
        if (state.Signers.FirstOrDefault(s => s.Value == command.By.Id) is { Value: not null } earlier)
            return Rejection.Conflict("one-person-one-signature",
                $"{command.By.Id} signed this requisition as the {Name(earlier.Key)}; one person never signs two tiers (decision 4).");

        return Decision.Accept(new RequisitionSigned(command.Tier, command.By.Id, now));
    }

    public static string Name(SignatureTier tier) => tier switch
    {
        SignatureTier.Requester => "requester",
        SignatureTier.TeamLeader => "team leader",
        _ => "manager",
    };
}

/// <summary>A team leader at their turn, or a manager before the last signature, may reject a requisition, with a reason.</summary>
public sealed record RejectRequisition(Guid RequisitionId, string Reason, Actor By) : IRequisitionCommand
{
    public static Decision Decide(RejectRequisition command, RequisitionState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("requisition-not-found", "There is no such requisition.");
        var asManager = command.By.HasAnyRole(InventoryRoles.Managers);
        if (!asManager && !command.By.HasAnyRole(InventoryRoles.TeamLeaders))
            return Rejection.Forbidden("rejected-by-team-leader-or-manager", "Only a team leader or a manager rejects a requisition.");
        if (CommandRules.RequireText(command.Reason, "reason", "The reason for the rejection") is { } invalid) return invalid;
        if (state.Rejection is { } rejected)
            return rejected.RejectedBy == command.By.Id && rejected.Reason == command.Reason.Trim()
                ? Decision.NoChange
                : Rejection.Conflict("requisition-rejected", "The requisition was rejected already.");
        if (state.FullySigned)
            return Rejection.Conflict("requisition-signed", "All three have signed; a signed requisition is not rejected.");
        if (!asManager && state.NextTier != SignatureTier.TeamLeader)
            return Rejection.Conflict("not-team-leaders-turn", "A team leader rejects when the requisition waits for the team leader's signature.");
        if (command.By.Id == state.RequesterId)
            return Rejection.Conflict("requester-cannot-reject", "The requester does not reject their own requisition.");

        var tier = asManager ? SignatureTier.Manager : SignatureTier.TeamLeader;
        return Decision.Accept(new RequisitionRejected(tier, command.By.Id, command.Reason.Trim(), now));
    }
}
