using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.Projections;
using Platform.Fees.Api;
using Platform.Fees.ReadModel;

namespace Platform.Fees.Api.Tests;

/// <summary>
/// The Fees service in-process on a real RabbitMQ virtual host of its own, real files in a folder of its own and the
/// store under test, with a fake clock the test drives. Watchers are run by the test, once the instance leads.
/// </summary>
public sealed class FeesApi : ServiceUnderTest<AccountCommands>
{
    public const string Fees = "/api/v1/fees";
    public const string Estate = "estate-1";
    /// <summary>2 March 2026, 08:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private FeesApi(Started started) : base(started) { }

    public static async Task<FeesApi> StartAsync(StoreUnderTest store, Uri? virtualHost = null, string? storeNamespace = null, FakeTimeProvider? time = null,
        RabbitMqBroker? broker = null, params (string Key, string Value)[] settings) =>
        new(await StartHostAsync("fees-api", store, virtualHost, storeNamespace, time ?? new FakeTimeProvider(Start), broker,
            [("Fees:BillingWatcher:Interval", "1.00:00:00"), ("Fees:ArrearsWatcher:Interval", "1.00:00:00"), ("RabbitMq:Retry:MaxInterval", "00:00:02")], settings));

    public string Finance => Token("fin-1", "finance-clerk");

    public override Task CatchUpAsync() => Services.GetRequiredService<ProjectionRunner<FeesProjection>>().CatchUpWithStoreAsync(TimeSpan.FromSeconds(30));

    public async Task<string> ApproveStandardAsync(string code = "PF-RES", string feeType = "property-fee", decimal rate = 1.50m,
        string unit = "per-square-metre-month", string estate = Estate)
    {
        var approved = await Api.PostAsync($"{Fees}/standards", Token("fin-1", "finance-clerk", estate), new
        {
            estateId = estate, code, name = code, feeType, rate, unit, validFrom = "2026-01-01", validTo = "2026-12-31", approvalReference = "PB-2026-017",
        });
        Assert.True(approved.Status == 201, approved.ToString());
        return approved.Location!;
    }

    public async Task<string> OpenAccountAsync(string room = "501", decimal floorArea = 100m, string? propertyFeeStandard = "PF-RES", string estate = Estate)
    {
        var opened = await Api.PostAsync($"{Fees}/accounts", Token("fin-1", "finance-clerk", estate), new
        {
            unit = new { estateId = estate, building = "3", entrance = "2", room },
            payerKind = "owner",
            payer = new { name = "张三", phone = "13800138000" },
            floorArea,
            propertyFeeStandard,
        });
        Assert.True(opened.Status == 201, opened.ToString());
        return opened.Location!;
    }

    public Task<Answer> PayAsync(string token, Guid accountId, decimal amount, string channel = "window", string? key = null) =>
        Api.PostAsync($"{Fees}/payments", token, new { accountId, amount, channel }, idempotencyKey: key ?? Guid.NewGuid().ToString());

    public Task<int> StoredEventCountAsync() => StoredEventCountAsync("fees.");
}
