using System.Security.Claims;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Fees.Accounts;
using Platform.Fees.Standards;

namespace Platform.Fees.Api;

/// <summary>Runs a payer-account command for an HTTP request (the kernel's <see cref="HttpCommands{TState, TCommand}"/>).</summary>
public sealed class AccountCommands(CommandHandler<PayerAccountState, IPayerAccountCommand> handler, FeePolicies policies)
    : HttpCommands<PayerAccountState, IPayerAccountCommand>(handler)
{
    public FeePolicies Policies => policies;

    protected override string ResourceName => "account";

    protected override string RoutePrefix => FeesService.RoutePrefix + "/accounts";

    public override string StreamFor(Guid id) => FeeStreams.Accounts.For(id);

    public override bool CanSee(ClaimsPrincipal user, PayerAccountState state) => state.Exists && user.CanSeeEstate(state.Unit.EstateId);

    public override object Represent(PayerAccountState state, ClaimsPrincipal user) => PayerAccountView.From(state, user);

    public FeePolicy PolicyOf(PayerAccountState state) => policies.For(state.Unit.EstateId);
}

public sealed class StandardCommands(CommandHandler<FeeStandardState, IFeeStandardCommand> handler)
    : HttpCommands<FeeStandardState, IFeeStandardCommand>(handler)
{
    protected override string ResourceName => "fee-standard";

    protected override string RoutePrefix => FeesService.RoutePrefix + "/standards";

    public override string StreamFor(Guid id) => FeeStreams.Standards.For(id);

    public override bool CanSee(ClaimsPrincipal user, FeeStandardState state) => state.Exists && user.CanSeeEstate(state.EstateId);

    public override object Represent(FeeStandardState state, ClaimsPrincipal user) => FeeStandardView.From(state);

    /// <summary>The standard named <paramref name="code"/> in the estate as it stands (an empty state if there is none).</summary>
    public async Task<FeeStandardState> FindAsync(string estateId, string code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) ? FeeStandardState.Initial : (await Handler.LoadAsync(StreamFor(FeeStreams.StandardId(estateId, code)), ct)).State;
}
