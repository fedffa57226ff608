using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using MassTransit;

namespace Platform.Contracts;

/// <summary>
/// The integration events of <c>contracts/</c> as an AsyncAPI 3.0 document, for downstream systems: one channel per
/// exchange, each message's payload as JSON Schema with an example, its headers, the message-id rule and its version.
/// Built from the records themselves, so the document cannot drift from them; <c>docs/asyncapi/v1.json</c> is its
/// committed copy, which a test compares.
/// </summary>
public static class EventCatalogue
{
    public const string DocumentPath = "/asyncapi/v1.json";

    /// <summary>How the bus writes a message's fields: MassTransit's System.Text.Json settings, camelCase, numbers as numbers.</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly DateTimeOffset ExampleInstant = new(2026, 6, 10, 8, 0, 0, TimeSpan.FromHours(8));

    public static IReadOnlyList<Type> Contracts { get; } = typeof(EventCatalogue).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<EntityNameAttribute>() is not null)
        .OrderBy(t => t.GetCustomAttribute<EntityNameAttribute>()!.EntityName, StringComparer.Ordinal)
        .ToList();

    public static string ExchangeOf(Type contract) => contract.GetCustomAttribute<EntityNameAttribute>()!.EntityName;

    /// <summary>The document as the gateway serves it and as it is committed: indented, non-ASCII text as it is.</summary>
    public static string ToJson() => Document().ToJsonString(new JsonSerializerOptions
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) + "\n";

    public static JsonObject Document()
    {
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject();
        foreach (var contract in Contracts)
        {
            var exchange = ExchangeOf(contract);
            var key = contract.Name;
            var service = exchange[..exchange.IndexOf('.')];
            schemas[key] = JsonSchemaExporter.GetJsonSchemaAsNode(Json, contract, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            messages[key] = new JsonObject
            {
                ["name"] = exchange,
                ["title"] = key,
                ["summary"] = $"Published by the {service} service; version {exchange[(exchange.LastIndexOf('.') + 1)..]}.",
                ["contentType"] = "application/vnd.masstransit+json",
                ["headers"] = new JsonObject { ["$ref"] = "#/components/schemas/PlatformHeaders" },
                ["payload"] = new JsonObject { ["$ref"] = $"#/components/schemas/{key}" },
                ["correlationId"] = new JsonObject { ["location"] = "$message.header#/Platform-Correlation-Id" },
                ["examples"] = new JsonArray(new JsonObject { ["name"] = "example", ["payload"] = JsonSerializer.SerializeToNode(Example(contract), contract, Json) }),
            };
            channels[key] = new JsonObject
            {
                ["address"] = exchange,
                ["description"] = "A RabbitMQ fanout exchange of this name: bind a durable queue of your own to it.",
                ["messages"] = new JsonObject { [key] = new JsonObject { ["$ref"] = $"#/components/messages/{key}" } },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject { ["name"] = exchange, ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/" },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            };
            operations[$"publish{key}"] = new JsonObject
            {
                ["action"] = "send",
                ["channel"] = new JsonObject { ["$ref"] = $"#/channels/{key}" },
                ["summary"] = $"The {service} service publishes {exchange} from its outbox, once per stored event.",
            };
        }
        schemas["PlatformHeaders"] = Headers();
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Property platform integration events",
                ["version"] = "1.0.0",
                ["description"] = """
                    What each service publishes for the others and for downstream systems: ids and facts, never personal data.
                    The message id is the id of the stored domain event the message comes from (a second message of one event gets
                    an id derived from it), so a republished message keeps its id: de-duplicate by it. An exchange's name never
                    changes; a change consumers cannot ignore is a new record and exchange with the next version suffix (….v2),
                    published beside the old one. Messages come in MassTransit's JSON envelope: the event is under "message".
                    """,
            },
            ["defaultContentType"] = "application/vnd.masstransit+json",
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas },
        };
    }

    private static JsonObject Headers() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["MessageId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "The stored domain event's id: stable across republishing." },
            ["Platform-Correlation-Id"] = new JsonObject { ["type"] = "string", ["description"] = "The correlation id of the request that caused the event." },
            ["Platform-Source-Event-Type"] = new JsonObject { ["type"] = "string", ["description"] = "The stored type name of the domain event, e.g. ComplaintRegistered.v1." },
            ["Platform-Source-Position"] = new JsonObject { ["type"] = "string", ["description"] = "The event's position in the publishing service's store." },
            ["traceparent"] = new JsonObject { ["type"] = "string", ["description"] = "W3C trace context of the publishing span." },
        },
    };

    /// <summary>An instance of <paramref name="type"/> with a fixed value in every field, so the example is stable.</summary>
    public static object Example(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => ExampleValue(p.ParameterType, p.Name!)).ToArray());
    }

    private static object? ExampleValue(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return name.EndsWith("EstateId", StringComparison.Ordinal) || name == "estateId" ? "estate-1" : $"{name}-example";
        if (underlying == typeof(Guid)) return Guid.Parse("0193c000-0000-7000-8000-000000000001");
        if (underlying == typeof(DateTimeOffset)) return ExampleInstant;
        if (underlying == typeof(DateOnly)) return DateOnly.FromDateTime(ExampleInstant.DateTime);
        if (underlying == typeof(decimal)) return 12.5m;
        if (underlying == typeof(int)) return 1;
        if (underlying == typeof(long)) return 7L;
        if (underlying == typeof(bool)) return true;
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(0);
        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(List<>) || generic == typeof(IReadOnlyCollection<>) || generic == typeof(IEnumerable<>)))
        {
            var element = underlying.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(ExampleValue(element, name));
            return list;
        }
        if (underlying.IsClass && underlying.GetConstructors().Length > 0) return Example(underlying);
        throw new NotSupportedException(string.Format(CultureInfo.InvariantCulture, "No example value for {0} {1}.", type, name));
    }
}
