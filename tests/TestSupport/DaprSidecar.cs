using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.TestSupport;

/// <summary>
/// Plays the Dapr sidecar, which no machine here runs (architecture: external event sources): posts a structured
/// CloudEvent of a topic to the app's route with the sidecar's app API token, and reads the status it answers
/// (SUCCESS, RETRY or DROP), or null when the answer is not a 2xx.
/// </summary>
public sealed class DaprSidecar(HttpClient http, string pubsub, string topic, string route, string appApiToken)
{
    public async Task<(int Status, string? Outcome)> DeliverAsync(string id, object data, string? token = null, string type = "com.example.event")
    {
        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = id,
            ["source"] = "test-sidecar",
            ["type"] = type,
            ["datacontenttype"] = "application/json",
            ["pubsubname"] = pubsub,
            ["topic"] = topic,
            ["data"] = JsonSerializer.SerializeToNode(data),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, route)
        {
            Content = new StringContent(cloudEvent.ToJsonString(), Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Add("dapr-api-token", token ?? appApiToken);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(text)!["status"]?.GetValue<string>() : null);
    }

    /// <summary>What the app declares at <c>GET /dapr/subscribe</c>.</summary>
    public async Task<JsonArray> SubscriptionsAsync() => JsonNode.Parse(await http.GetStringAsync("/dapr/subscribe"))!.AsArray();
}
