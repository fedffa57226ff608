using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.Projections;
using Platform.Inventory.Api;
using Platform.Inventory.ReadModel;

namespace Platform.Inventory.Api.Tests;

/// <summary>
/// The Inventory service in-process (<see cref="ServiceUnderTest{TEntryPoint}"/>), with a fake clock at the month-end.
/// Helpers set up the three tiers, the catalogue and stock as an integrator would.
/// </summary>
public sealed class InventoryApi : ServiceUnderTest<ItemCommands>
{
    public const string Inventory = "/api/v1/inventory";
    public const string Estate = "estate-1";
    /// <summary>31 March 2026, 10:00 in Shanghai: the month-end.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 31, 2, 0, 0, TimeSpan.Zero);

    private InventoryApi(Started started) : base(started) { }

    public static async Task<InventoryApi> StartAsync(StoreUnderTest store, Uri? virtualHost = null, string? storeNamespace = null, FakeTimeProvider? time = null,
        RabbitMqBroker? broker = null) =>
        new(await StartHostAsync("inventory-api", store, virtualHost, storeNamespace, time ?? new FakeTimeProvider(Start), broker,
            [("RabbitMq:Retry:MaxInterval", "00:00:02")]));

    public string Planner => Token("planner-1", "materials-planner");
    public string Keeper => Token("keeper-1", "store-keeper");
    public string Technician => Token("tech-1", "technician");
    public string TeamLeader => Token("lead-1", "team-leader");
    public string Manager => Token("mgr-1", "department-manager");

    public override Task CatchUpAsync() => Services.GetRequiredService<ProjectionRunner<InventoryProjection>>().CatchUpWithStoreAsync(TimeSpan.FromSeconds(30));

    /// <summary>The production store, a business department under it and a site store of <paramref name="estate"/> under that; their ids.</summary>
    public async Task<(string Production, string Department, string Site)> OpenTiersAsync(string estate = Estate, string suffix = "")
    {
        var production = await CreateAsync($"{Inventory}/stores", Planner, new { code = "PROD" + suffix, name = "生产库房", tier = "production-store" });
        var department = await CreateAsync($"{Inventory}/stores", Planner, new { code = "BD" + suffix, name = "业务部", tier = "business-department", parentId = production });
        var site = await CreateAsync($"{Inventory}/stores", Token("planner-1", "materials-planner", estate),
            new { code = "SITE" + suffix, name = "现场库房", tier = "site", parentId = department, estateId = estate });
        return (production, department, site);
    }

    public Task<string> RegisterItemAsync(string code = "MOP", string unit = "piece", decimal unitCost = 12.50m, bool hazardous = false, string? hazardClass = null) =>
        CreateAsync($"{Inventory}/items", Planner, new
        {
            code, name = code, category = "cleaning-supplies", unit, unitCost, hazardous, hazardClass, extinguishingMethod = hazardous ? "foam" : null,
        });

    public async Task ReceiveAsync(string storeId, string itemCode, decimal quantity, string? deliveryNote = null)
    {
        var received = await Api.PostAsync($"{Inventory}/stores/{storeId}/receipts", Keeper,
            new { itemCode, quantity, deliveryNote = deliveryNote ?? $"DN-{Guid.NewGuid():N}", supplier = "Clean Co" });
        Assert.True(received.Status == 200, received.ToString());
    }

    /// <summary>A requisition drafted by the technician and signed by the three tiers.</summary>
    public async Task<string> SignedRequisitionAsync(string storeId, string itemCode, decimal quantity, bool managerSigns = true)
    {
        var id = await CreateAsync($"{Inventory}/requisitions", Technician,
            new { storeId, purpose = "Lobby cleaning", lines = new[] { new { itemCode, quantity, unit = "piece" } } });
        await SignAsync(id, "requester", Technician);
        await SignAsync(id, "team-leader", TeamLeader);
        if (managerSigns) await SignAsync(id, "manager", Manager);
        return id;
    }

    public async Task SignAsync(string requisitionId, string tier, string token)
    {
        var signed = await Api.PostAsync($"{Inventory}/requisitions/{requisitionId}/signatures", token, new { tier });
        Assert.True(signed.Status == 200, signed.ToString());
    }

    public async Task<decimal> StockAsync(string storeId, string itemCode)
    {
        var store = await Api.GetAsync($"{Inventory}/stores/{storeId}", Keeper);
        return store.Body!["stock"]!.AsArray().FirstOrDefault(s => s!["itemCode"]!.GetValue<string>() == itemCode)?["quantity"]!.GetValue<decimal>() ?? 0;
    }

    /// <summary>Posts a create and answers the new resource's id.</summary>
    public async Task<string> CreateAsync(string path, string token, object body)
    {
        var created = await Api.PostAsync(path, token, body, idempotencyKey: Guid.NewGuid().ToString());
        Assert.True(created.Status == 201, $"{path}: {created}");
        return created.Id;
    }

    public Task<int> StoredEventCountAsync() => StoredEventCountAsync("inventory.");
}
