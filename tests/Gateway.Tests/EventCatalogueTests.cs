using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using MassTransit;
using Platform.Contracts;
using Platform.TestSupport;

namespace Gateway.Tests;

/// <summary>
/// The AsyncAPI catalogue of the integration events: built from <c>contracts/</c>, committed as <c>docs/asyncapi/v1.json</c>
/// (a change of a contract without the document, or of the document without the contract, fails here), and served by
/// the gateway with a readable page.
/// </summary>
public sealed class EventCatalogueTests
{
    private static string CommittedPath => Path.Combine(PlatformProcess.RepositoryRoot(), "docs", "asyncapi", "v1.json");

    [Fact]
    public void The_committed_document_is_the_one_the_contracts_make()
    {
        var generated = EventCatalogue.ToJson();
        // To accept a deliberate change of a contract: PLATFORM_UPDATE_SNAPSHOTS=1 dotnet test tests/Gateway.Tests, and commit the document.
        if (Environment.GetEnvironmentVariable("PLATFORM_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            File.WriteAllText(CommittedPath, generated);
        }
        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing");
        Assert.Equal(File.ReadAllText(CommittedPath), generated);
    }

    [Fact]
    public void Every_contract_has_its_channel_a_versioned_exchange_that_is_also_its_urn_a_JSON_schema_and_an_example_of_every_field()
    {
        var document = EventCatalogue.Document();
        var contracts = typeof(EventCatalogue).Assembly.GetTypes().Where(t => t.GetCustomAttribute<EntityNameAttribute>() is not null).ToList();
        Assert.Equal(contracts.Count, document["channels"]!.AsObject().Count);
        foreach (var contract in contracts)
        {
            var exchange = EventCatalogue.ExchangeOf(contract);
            Assert.Matches(@"^[a-z]+\.[a-z-]+\.v[0-9]+$", exchange);
            Assert.Equal(exchange, contract.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString().Replace("urn:message:", "", StringComparison.Ordinal));
            Assert.Equal(exchange, document["channels"]![contract.Name]!["address"]!.GetValue<string>());
            var fields = document["components"]!["schemas"]![contract.Name]!["properties"]!.AsObject().Select(p => p.Key).Order();
            var example = document["components"]!["messages"]![contract.Name]!["examples"]![0]!["payload"]!.AsObject().Select(p => p.Key).Order();
            Assert.Equal(fields, example);
            Assert.Equal(contract.GetProperties().Length, fields.Count());
        }
    }

    [Fact]
    public async Task The_gateway_serves_the_document_and_a_page_that_lists_every_exchange()
    {
        await using var gateway = GatewayFactory.Create(GatewayFactory.DeadDestination(), GatewayFactory.DeadDestination());
        using var client = gateway.CreateClient();
        var served = await client.GetAsync(EventCatalogue.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("3.0.0", JsonNode.Parse(await served.Content.ReadAsStringAsync())!["asyncapi"]!.GetValue<string>());
        var page = await client.GetStringAsync("/asyncapi");
        Assert.All(EventCatalogue.Contracts, c => Assert.Contains($"<code>{EventCatalogue.ExchangeOf(c)}</code>", page));
    }

    [Theory]
    [InlineData(EventCatalogue.DocumentPath)]
    [InlineData("/asyncapi")]
    public async Task A_production_gateway_keeps_the_catalogue_to_itself_unless_told_to_publish_it(string path)
    {
        await using var hidden = GatewayFactory.Create(GatewayFactory.DeadDestination(), GatewayFactory.DeadDestination(), environment: "Production");
        await using var published = GatewayFactory.Create(GatewayFactory.DeadDestination(), GatewayFactory.DeadDestination(), environment: "Production",
            extra: ("Gateway:PublishApiReference", "true"));

        Assert.Equal(HttpStatusCode.NotFound, (await hidden.CreateClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await published.CreateClient().GetAsync(path)).StatusCode);
    }
}
