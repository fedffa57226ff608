namespace Gateway.Tests;

/// <summary>Both routes pointed at live destinations, in Development, with a limit no test reaches.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public DestinationApp Complaints { get; private set; } = null!;
    public DestinationApp WorkOrders { get; private set; } = null!;
    public GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Complaints = await DestinationApp.StartAsync("/api/v1/complaints");
        WorkOrders = await DestinationApp.StartAsync("/api/v1/work-orders", prioritySchema: "integer");
        Gateway = GatewayFactory.Create(Complaints.Url, WorkOrders.Url, extra: ("RateLimiting:PermitLimit", "100000"));
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Complaints.DisposeAsync();
        await WorkOrders.DisposeAsync();
    }
}
