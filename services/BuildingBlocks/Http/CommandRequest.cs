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

    /// <summary>Builds a command from a request, or the problem naming the field that is missing or unreadable.</summary>
    public static (T? Built, IResult? Problem) Build<T>(Func<T> build)
    {
        try { return (build(), null); }
        catch (MissingFieldException missing)
        {
            return (default, ApiProblems.InvalidField(missing.Field, "required-field-missing", missing.Message));
        }
        catch (UnreadableFieldException unreadable)
        {
            return (default, ApiProblems.InvalidField(unreadable.Field, "malformed-field", unreadable.Message, StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>
    /// An id for what a command creates inside an aggregate (a patrol, a charge), from the request's Idempotency-Key so a
    /// retried request names the same thing; a fresh one without a key.
    /// </summary>
    public static Guid KeyedId(HttpContext http, string kind, params string[] scope)
    {
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        return key.Length > 0 ? DeterministicId.Create([kind, .. scope, key]) : Guid.CreateVersion7();
    }

    /// <summary>A body the command may do without (a note): a request without one reads as none.</summary>
    public static Task<BodyOrProblem<T>> ReadOptionalBodyAsync<T>(HttpRequest request, CancellationToken ct) where T : class =>
        request.ContentLength is null or 0 && request.ContentType is null
            ? Task.FromResult(new BodyOrProblem<T>(null, null, ""))
            : ReadBodyAsync<T>(request, ct);

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
                $"'{field}' could not be read: {Reason<T>(e, field)}", StatusCodes.Status400BadRequest), text);
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

    /// <summary>
    /// What the serializer said, unless it is about a value of the wrong kind: then what the field expects, in the API's
    /// words (the serializer's message names server types, and not always the field's).
    /// </summary>
    private static string Reason<T>(JsonException e, string field)
    {
        var end = e.Message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? e.Message : e.Message[..(end + 1)];
        if (!sentence.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal)) return sentence;
        return FieldType(typeof(T), field) is { } type ? $"expected {Kind(type)}." : "expected a value of the documented type.";
    }

    /// <summary>The CLR type of the field at a JSON path such as "lines[0].quantity"; null when the path does not lead to one.</summary>
    private static Type? FieldType(Type root, string path)
    {
        Type? type = root;
        foreach (var part in path.Split('.'))
        {
            var name = part.Split('[')[0];
            type = FieldLimits.FieldsOf(FieldLimits.ElementType(type!)).FirstOrDefault(f => f.Name == name)?.Property.PropertyType;
            if (type is null) return null;
            if (part.Contains('[')) type = FieldLimits.ElementType(type);
        }
        return type;
    }

    private static string Kind(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(decimal) || type == typeof(double)) return "a number";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "an ISO 8601 date and time";
        if (type == typeof(DateOnly)) return "a date, YYYY-MM-DD";
        if (type == typeof(Guid)) return "a UUID";
        if (type.IsEnum) return "one of " + string.Join(", ", EventSourcing.WireName.All(type));
        return type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? "a list" : "an object";
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
