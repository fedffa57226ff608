using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.Complaints.Features;

namespace Platform.Complaints.Api;

/// <summary>Runs a complaint command for an HTTP request (the kernel's <see cref="HttpCommands{TState, TCommand}"/>).</summary>
public sealed class ComplaintCommands(CommandHandler<ComplaintState, IComplaintCommand> handler, EstatePolicies policies)
    : HttpCommands<ComplaintState, IComplaintCommand>(handler)
{
    protected override string ResourceName => "complaint";

    public override string StreamFor(Guid id) => ComplaintsService.StreamFor(id);

    public override bool CanSee(ClaimsPrincipal user, ComplaintState state) => Access.CanSee(user, state);

    public override object Represent(ComplaintState state, ClaimsPrincipal user) => ComplaintView.From(state, user);

    protected override Task AfterAsync(
        IComplaintCommand command, CommandOutcome<ComplaintState> outcome, CommandEnvelope envelope, CancellationToken ct) =>
        command is RecordFollowUp { Outcome: FollowUpOutcome.NewDemand }
            ? OpenLinkedCasesAsync(StateOf(outcome), envelope, ct)
            : Task.CompletedTask;

    /// <summary>
    /// Registers the case a follow-up's new demand asked for (000:492). Its id comes from the original and the
    /// follow-up number, so running this again after a crash or a repeated request registers nothing twice.
    /// </summary>
    private async Task OpenLinkedCasesAsync(ComplaintState original, CommandEnvelope envelope, CancellationToken ct)
    {
        foreach (var (linkedId, content) in original.LinkedCases)
        {
            var register = new RegisterComplaint(
                linkedId, original.EstateId, original.Unit, original.Reporter!, original.Channel, content,
                original.Category, Severity: null, policies.For(original.EstateId), envelope.Actor,
                LinkedToComplaintId: original.Id);
            await Handler.HandleAsync(ComplaintsService.StreamFor(linkedId), register,
                envelope with { IdempotencyKey = null, RequestHash = null, IfMatchRevision = null, CausationId = original.Id.ToString() }, ct);
        }
    }
}
