using Platform.BuildingBlocks.EventSourcing;
using Platform.Inventory.Features;
using Platform.Inventory.Requisitions;
using Platform.Inventory.Stores;

namespace Platform.Inventory.Tests.Deciders;

public class RequisitionTests
{
    private static readonly StoreState Site = A.Store(A.SiteOpened);

    private static DraftRequisition Draft(params RequisitionLine[] lines) =>
        new(A.RequisitionId, Site, A.Requester.Id, "Clean the lobby", null, null, lines, A.Catalogue, A.Requester);

    private static SignRequisition Sign(SignatureTier tier, Actor by) => new(A.RequisitionId, tier, by);

    [Fact]
    public void A_requisition_lists_catalogue_items_in_their_units_for_a_purpose() =>
        Scenarios.Requisition().When(Draft(new RequisitionLine("mop", 2, "piece")), A.At).Then(A.Drafted(new RequisitionLine("MOP", 2, "piece")));

    [Fact]
    public void An_item_not_in_the_catalogue_is_refused_naming_its_line() =>
        Scenarios.Requisition().When(Draft(new RequisitionLine("MOP", 1, "piece"), new RequisitionLine("WAX", 1, "tin")), A.At)
            .ThenRejected("item-not-in-catalogue", RejectionKind.Invalid, "lines[1].itemCode");

    [Fact]
    public void A_line_in_another_unit_than_the_catalogues_is_refused() =>
        Scenarios.Requisition().When(Draft(new RequisitionLine("MOP", 1, "box")), A.At).ThenRejected("unit-differs-from-catalogue", RejectionKind.Invalid, "lines[0].unit");

    [Fact]
    public void A_requisition_without_a_purpose_is_refused() =>
        Scenarios.Requisition().When(Draft(new RequisitionLine("MOP", 1, "piece")) with { Purpose = " " }, A.At).ThenRejected("purpose-required", RejectionKind.Invalid, "purpose");

    [Fact]
    public void Signatures_are_taken_in_order_requester_then_team_leader_then_manager()
    {
        var state = Scenarios.Requisition(A.Drafted()).When(Sign(SignatureTier.Requester, A.Requester), A.At).StateAfter;
        Assert.Equal(RequisitionStatus.RequesterSigned, state.Status);
        Assert.Equal([SignatureTier.TeamLeader, SignatureTier.Manager], state.MissingSignatures);
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester), A.Signed(SignatureTier.TeamLeader, A.TeamLeader))
            .When(Sign(SignatureTier.Manager, A.Manager), A.At).Then(A.Signed(SignatureTier.Manager, A.Manager));
    }

    [Fact]
    public void Decision_4_the_manager_does_not_sign_before_the_team_leader() =>
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester))
            .When(Sign(SignatureTier.Manager, A.Manager), A.At).ThenRejected("signature-out-of-order", RejectionKind.Conflict);

    [Fact]
    public void Decision_4_the_team_leader_does_not_sign_before_the_requester() =>
        Scenarios.Requisition(A.Drafted()).When(Sign(SignatureTier.TeamLeader, A.TeamLeader), A.At).ThenRejected("signature-out-of-order");

    [Fact]
    public void Only_the_requester_signs_as_the_requester() =>
        Scenarios.Requisition(A.Drafted()).When(Sign(SignatureTier.Requester, new Actor("tech-2", Roles.Technician)), A.At)
            .ThenRejected("requester-signs-own-requisition", RejectionKind.Forbidden);

    [Fact]
    public void The_second_signature_is_a_team_leaders() =>
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester))
            .When(Sign(SignatureTier.TeamLeader, new Actor("tech-2", Roles.Technician)), A.At).ThenRejected("team-leader-signature", RejectionKind.Forbidden);

    [Fact]
    public void The_third_signature_is_a_managers() =>
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester), A.Signed(SignatureTier.TeamLeader, A.TeamLeader))
            .When(Sign(SignatureTier.Manager, new Actor("lead-2", Roles.TeamLeader)), A.At).ThenRejected("manager-signature", RejectionKind.Forbidden);

    [Fact]
    public void Decision_4_one_person_never_signs_two_tiers_even_holding_both_roles()
    {
        var leaderAndManager = new Actor("lead-1", Roles.TeamLeader, Roles.DepartmentManager);
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester), A.Signed(SignatureTier.TeamLeader, leaderAndManager))
            .When(Sign(SignatureTier.Manager, leaderAndManager), A.At).ThenRejected("one-person-one-signature", RejectionKind.Conflict);
    }

    [Fact]
    public void Decision_4_a_team_leader_who_requested_does_not_sign_as_team_leader()
    {
        var leader = new Actor("lead-1", Roles.TeamLeader);
        var drafted = A.Drafted() with { RequesterId = leader.Id };
        Scenarios.Requisition(drafted, A.Signed(SignatureTier.Requester, leader))
            .When(Sign(SignatureTier.TeamLeader, leader), A.At).ThenRejected("one-person-one-signature");
    }

    [Fact]
    public void Signing_the_same_tier_again_changes_nothing() =>
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester)).When(Sign(SignatureTier.Requester, A.Requester), A.At).ThenNothing();

    [Fact]
    public void A_team_leader_rejects_at_their_turn_with_a_reason() =>
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester))
            .When(new RejectRequisition(A.RequisitionId, "Not needed this week", A.TeamLeader), A.At)
            .Then(new RequisitionRejected(SignatureTier.TeamLeader, A.TeamLeader.Id, "Not needed this week", A.At));

    [Fact]
    public void A_rejection_needs_a_reason() =>
        Scenarios.Requisition(A.Drafted()).When(new RejectRequisition(A.RequisitionId, "", A.Manager), A.At).ThenRejected("reason-required", RejectionKind.Invalid, "reason");

    [Fact]
    public void A_rejected_requisition_takes_no_more_signatures() =>
        Scenarios.Requisition(A.Drafted(), A.Signed(SignatureTier.Requester, A.Requester), new RequisitionRejected(SignatureTier.Manager, A.Manager.Id, "No", A.At))
            .When(Sign(SignatureTier.TeamLeader, A.TeamLeader), A.At).ThenRejected("requisition-rejected");

    [Fact]
    public void A_fully_signed_requisition_is_not_rejected() =>
        Scenarios.Requisition(A.FullySigned()).When(new RejectRequisition(A.RequisitionId, "Too late", A.Manager), A.At).ThenRejected("requisition-signed");

    [Fact]
    public void A_technician_does_not_reject() =>
        Scenarios.Requisition(A.Drafted()).When(new RejectRequisition(A.RequisitionId, "No", new Actor("tech-2", Roles.Technician)), A.At)
            .ThenRejected("rejected-by-team-leader-or-manager", RejectionKind.Forbidden);

    [Fact]
    public void An_issue_is_recorded_on_the_requisition_once()
    {
        var record = new RecordRequisitionIssue(A.RequisitionId, Guid.NewGuid(), [new RequisitionLine("MOP", 2, "piece")], true, A.At, Actor.System);
        var state = Scenarios.Requisition(A.FullySigned()).When(record, A.At).StateAfter;
        Assert.Equal(RequisitionStatus.Issued, state.Status);
        Scenarios.Requisition([.. A.FullySigned(), new RequisitionIssueRecorded(record.IssueId, record.Lines, true, A.At)]).When(record, A.At).ThenNothing();
    }
}
