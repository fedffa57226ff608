using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;

namespace Platform.Complaints.Api;

/// <summary>Runs a complaint command for an HTTP request (the kernel's <see cref="HttpCommands{TState, TCommand}"/>).</summary>
public sealed class ComplaintCommands(CommandHandler<ComplaintState, IComplaintCommand> handler)
    : HttpCommands<ComplaintState, IComplaintCommand>(handler)
{
    protected override string ResourceName => "complaint";

    protected override string RoutePrefix => ComplaintsService.RoutePrefix;

    public override string StreamFor(Guid id) => ComplaintsService.StreamFor(id);

    public override bool CanSee(ClaimsPrincipal user, ComplaintState state) => Access.CanSee(user, state);

    public override object Represent(ComplaintState state, ClaimsPrincipal user) => ComplaintView.From(state, user);
}
