using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.TestSupport;

/// <summary>Sends API requests the way an integrating app does: bearer token, Idempotency-Key, If-Match, JSON.</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<Answer> SendAsync(HttpMethod method, string path, string token, object? body = null,
        string? idempotencyKey = null, string? ifMatch = null, string? rawJson = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (rawJson is not null) request.Content = new StringContent(rawJson, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(
            (int)response.StatusCode,
            text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null,
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.Location?.OriginalString,
            response.Headers.ETag?.Tag,
            response.Headers.TryGetValues("X-Event-Position", out var position) ? position.Single() : null,
            text);
    }

    public Task<Answer> GetAsync(string path, string token) => SendAsync(HttpMethod.Get, path, token);

    public Task<Answer> PostAsync(string path, string token, object? body = null, string? idempotencyKey = null, string? ifMatch = null) =>
        SendAsync(HttpMethod.Post, path, token, body, idempotencyKey, ifMatch);
}

public sealed record Answer(int Status, JsonObject? Body, string? ContentType, string? Location, string? ETag, string? Position, string Text)
{
    public string? ProblemType => Body?["type"]?.GetValue<string>();

    public string Id => Body!["id"]!.GetValue<string>();

    /// <summary>The field a validation problem names first (its <c>errors</c> key).</summary>
    public string? ProblemField => Body?["errors"]?.AsObject().Select(e => e.Key).FirstOrDefault();

    public string Field(string property) => Body![property]!.GetValue<string>();

    public override string ToString() => $"{Status} {Text}";
}
