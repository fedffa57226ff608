using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Replenishments;

namespace Platform.Inventory.Features;

/// <summary>
/// The chain of 000:311-315: the site chief representative reviews, the business department's planner checks and
/// consolidates, its supervisor signs, its manager approves. Each step only after the one before; the approval files a
/// copy with the materials office (000:316-318).
/// </summary>
/// <param name="BusinessDepartmentStoreId">The site store's parent, under which the materials office files the copy.</param>
public sealed record AdvanceReplenishment(Guid ReplenishmentId, ReplenishmentStep Step, string? Note, Guid BusinessDepartmentStoreId, Actor By)
    : IReplenishmentCommand
{
    public const string MaterialsOffice = "materials-office";

    private static readonly Dictionary<ReplenishmentStep, (ReplenishmentStatus After, string[] Roles, string What)> Chain = new()
    {
        [ReplenishmentStep.SiteReview] = (ReplenishmentStatus.Requested, [Roles.SiteRepresentative], "the site chief representative's review (现场总代表审核)"),
        [ReplenishmentStep.Consolidation] = (ReplenishmentStatus.Reviewed, [Roles.MaterialsPlanner], "the planner's check and consolidation (计划室)"),
        [ReplenishmentStep.SupervisorSignature] = (ReplenishmentStatus.Consolidated, [Roles.BusinessSupervisor], "the business-department supervisor's signature (主管)"),
        [ReplenishmentStep.ManagerApproval] = (ReplenishmentStatus.SupervisorSigned, InventoryRoles.Managers, "the business-department manager's approval (经理)"),
    };

    public static ReplenishmentStatus StatusAfter(ReplenishmentStep step) => step switch
    {
        ReplenishmentStep.SiteReview => ReplenishmentStatus.Reviewed,
        ReplenishmentStep.Consolidation => ReplenishmentStatus.Consolidated,
        ReplenishmentStep.SupervisorSignature => ReplenishmentStatus.SupervisorSigned,
        _ => ReplenishmentStatus.Approved,
    };

    public static Decision Decide(AdvanceReplenishment command, ReplenishmentState state, DateTimeOffset now)
    {
        if (!state.Exists) return Rejection.NotFound("replenishment-not-found", "There is no such replenishment request.");
        var (waitsFor, roles, what) = Chain[command.Step];
        if (CommandRules.RequireRole(command.By, roles, "step-taken-by-its-role", $"This step is {what}.") is { } forbidden) return forbidden;
        if (state.Steps.Any(s => s.Step == command.Step)) return Decision.NoChange;
        if (state.Status == ReplenishmentStatus.Drafted)
            return Rejection.Conflict("draft-not-submitted", "The site submits the draft with its urgency and quantity first.");
        if (state.Status != waitsFor)
        {
            var first = Enum.GetValues<ReplenishmentStep>().First(s => state.Steps.All(taken => taken.Step != s));
            return Rejection.Conflict("step-out-of-order", $"{Capitalised(Chain[first].What)} comes before {what}.");
        }

        var advanced = new ReplenishmentAdvanced(command.Step, command.By.Id, command.Note?.Trim(), now);
        return command.Step == ReplenishmentStep.ManagerApproval
            ? Decision.Accept(advanced, new ReplenishmentFiled(MaterialsOffice, command.BusinessDepartmentStoreId, now))
            : Decision.Accept(advanced);
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
