using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Hosting;

namespace Platform.BuildingBlocks.Http;

/// <summary>A command's body, read so that a malformed field becomes a 400 naming that field.</summary>
public readonly record struct BodyOrProblem<T>(T? Body, IResult? Problem, string RawText);

public static class CommandRequest
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;

    public static async Task<BodyOrProblem<T>> ReadBodyAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return new(null, ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "The body must be JSON.", "Send Content-Type: application/json."), "");

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        try
        {
            var body = JsonSerializer.Deserialize<T>(text, PlatformJson.Requests);
            if (body is null)
                return new(null, ApiProblems.InvalidField("body", "body-required", "A JSON object is required.", StatusCodes.Status400BadRequest), text);
            return FieldLimits.Check(body) is { } tooLarge
                ? new(null, ApiProblems.InvalidField(tooLarge.Field, "field-too-large", $"'{tooLarge.Field}': {tooLarge.Detail}", StatusCodes.Status400BadRequest), text)
                : new(body, null, text);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e);
            return new(null, ApiProblems.InvalidField(field, "malformed-field",
                $"'{field}' could not be read: {FirstSentence(e.Message)}", StatusCodes.Status400BadRequest), text);
        }
    }

    /// <summary>
    /// The field a JSON error is about: its path, or for an unknown or repeated property (reported at the object that
    /// holds it) the property's name, which the message quotes first.
    /// </summary>
    private static string FieldOf(JsonException e)
    {
        var path = string.IsNullOrEmpty(e.Path) ? "" : e.Path.TrimStart('$', '.');
        if (e.Message.StartsWith("The JSON property '", StringComparison.Ordinal) || e.Message.StartsWith("Duplicate ", StringComparison.Ordinal))
        {
            var start = e.Message.IndexOf('\'') + 1;
            var end = e.Message.IndexOf('\'', start);
            if (start > 0 && end > start)
            {
                var name = e.Message[start..end];
                return path.Length == 0 || path.EndsWith(name, StringComparison.Ordinal) ? (path.Length == 0 ? name : path) : $"{path}.{name}";
            }
        }
        return path.Length == 0 ? "body" : path;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>
    /// Builds the command envelope from the request: correlation id, Idempotency-Key (with a hash of the
    /// request, so a key reused for a different request is caught), and If-Match.
    /// </summary>
    public static bool TryCreateEnvelope(HttpContext http, Actor actor, string rawBody, out CommandEnvelope envelope, out IResult? problem)
    {
        envelope = null!;
        problem = null;

        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > MaxIdempotencyKeyLength || key.Any(char.IsControl))
        {
            problem = ApiProblems.InvalidField(IdempotencyKeyHeader, "idempotency-key-invalid",
                $"Idempotency-Key must be at most {MaxIdempotencyKeyLength} printable characters.", StatusCodes.Status400BadRequest);
            return false;
        }
        if (!ETags.TryReadIfMatch(http.Request, out var ifMatch))
        {
            problem = ApiProblems.InvalidField("If-Match", "if-match-invalid",
                "If-Match must be an ETag returned by this API, such as \"3\".", StatusCodes.Status400BadRequest);
            return false;
        }

        envelope = new CommandEnvelope(
            actor,
            http.GetCorrelationId(),
            CausationId: null,
            IdempotencyKey: string.IsNullOrEmpty(key) ? null : $"{actor.Id}:{key}",
            RequestHash: string.IsNullOrEmpty(key) ? null : Hash(http.Request.Method, http.Request.Path, rawBody),
            IfMatchRevision: ifMatch);
        return true;
    }

    private static string Hash(string method, string path, string body) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{method} {path}\n{body}")));
}
