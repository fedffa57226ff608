using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Complaints.Features;

namespace Platform.Complaints.Api;

/// <summary>
/// Runs a complaint command for an HTTP request: read the body, check the caller may see the complaint,
/// then load, decide, append (the kernel's command handler) and answer.
/// </summary>
public sealed class ComplaintCommands(CommandHandler<ComplaintState, IComplaintCommand> handler, EstatePolicies policies)
{
    public CommandHandler<ComplaintState, IComplaintCommand> Handler => handler;

    public async Task<IResult> ExecuteAsync<TBody>(
        HttpContext http, Guid complaintId, Func<TBody, Actor, ComplaintState, IComplaintCommand> toCommand, CancellationToken ct)
        where TBody : class
    {
        var body = await CommandRequest.ReadBodyAsync<TBody>(http.Request, ct);
        if (body.Problem is not null) return body.Problem;
        return await ExecuteAsync(http, complaintId, body.RawText, (actor, state) => toCommand(body.Body!, actor, state), ct);
    }

    /// <summary>For commands without a body (close).</summary>
    public async Task<IResult> ExecuteAsync(
        HttpContext http, Guid complaintId, string rawBody, Func<Actor, ComplaintState, IComplaintCommand> toCommand, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        if (!CommandRequest.TryCreateEnvelope(http, actor, rawBody, out var envelope, out var problem)) return problem!;

        var stream = ComplaintsService.StreamFor(complaintId);
        var current = await handler.LoadAsync(stream, ct);
        if (!Access.CanSee(http.User, current.State))
            return ApiProblems.NotFound("complaint", complaintId.ToString());

        IComplaintCommand command;
        try { command = toCommand(actor, current.State); }
        catch (MissingFieldException missing)
        {
            return ApiProblems.InvalidField(missing.Field, "required-field-missing", missing.Message);
        }
        var outcome = await handler.HandleAsync(stream, command, envelope, ct);
        if (command is RecordFollowUp { Outcome: FollowUpOutcome.NewDemand } && outcome is CommandOutcome<ComplaintState>.Done or CommandOutcome<ComplaintState>.Repeated)
            await OpenLinkedCasesAsync(StateOf(outcome), envelope, ct);
        return outcome.ToHttp(http, state => ComplaintView.From(state, http.User));
    }

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
            await handler.HandleAsync(ComplaintsService.StreamFor(linkedId), register,
                envelope with { IdempotencyKey = null, RequestHash = null, IfMatchRevision = null, CausationId = original.Id.ToString() }, ct);
        }
    }

    private static ComplaintState StateOf(CommandOutcome<ComplaintState> outcome) => outcome switch
    {
        CommandOutcome<ComplaintState>.Done done => done.State,
        CommandOutcome<ComplaintState>.Repeated repeated => repeated.State,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
