using Platform.BuildingBlocks.EventSourcing;
using Platform.Complaints.Features;
using static Platform.Complaints.Tests.Sample;

namespace Platform.Complaints.Tests.Deciders;

public sealed class ClassifyComplaintTests
{
    [Fact]
    public void Classifying_records_category_severity_validity_and_group() =>
        DeciderSpec.Given(Registered())
            .When(new ClassifyComplaint(Category.Noise, Severity.General, Valid: true, GroupComplaint: true, Supervisor), at: Later)
            .Then(new ComplaintClassified(Category.Noise, Severity.General, true, true, Later));

    [Fact]
    public void Classifying_a_complaint_as_major_removes_its_resolve_deadline() =>
        DeciderSpec.Given(Registered())
            .When(new ClassifyComplaint(Category.HouseRepair, Severity.Major, true, false, Supervisor), at: Later)
            .Then(
                new ComplaintClassified(Category.HouseRepair, Severity.Major, true, false, Later),
                new ComplaintDeadlinesSet(ReplyDueAt, null));

    [Fact]
    public void Classifying_a_major_complaint_as_general_gives_it_a_resolve_deadline_from_registration() =>
        DeciderSpec.Given(Registered(severity: Severity.Major))
            .When(new ClassifyComplaint(Category.HouseRepair, Severity.General, true, false, Supervisor), at: Later)
            .Then(
                new ComplaintClassified(Category.HouseRepair, Severity.General, true, false, Later),
                new ComplaintDeadlinesSet(ReplyDueAt, ResolveDueAt));

    [Fact]
    public void Classifying_accepts_only_the_named_categories_and_severities() =>
        DeciderSpec.Given(Registered())
            .When(new ClassifyComplaint(Category.Noise, (Severity)7, true, false, Supervisor))
            .ThenRejected("value-not-allowed", RejectionKind.Invalid);

    [Fact]
    public void Classifying_with_the_same_values_again_changes_nothing() =>
        DeciderSpec.Given(Registered(), Classified())
            .When(new ClassifyComplaint(Category.HouseRepair, Severity.General, true, false, Agent))
            .ThenNothing();

    [Fact]
    public void Only_complaint_staff_may_classify() =>
        DeciderSpec.Given(Registered())
            .When(new ClassifyComplaint(Category.Noise, Severity.General, true, false, Resident))
            .ThenRejected("complaint-staff-only", RejectionKind.Forbidden);

    [Fact]
    public void Classifying_a_complaint_that_does_not_exist_is_not_found() =>
        DeciderSpec.GivenNothing()
            .When(new ClassifyComplaint(Category.Noise, Severity.General, true, false, Agent))
            .ThenRejected("complaint-not-found", RejectionKind.NotFound);
}
