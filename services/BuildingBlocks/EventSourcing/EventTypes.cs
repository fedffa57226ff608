using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>The stable name an event is stored under, e.g. "ComplaintRegistered.v1". Never change it once written.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Turns an old stored shape into the next version. Registered per stored type name.</summary>
public interface IEventUpcaster
{
    string FromType { get; }
    string ToType { get; }
    JsonObject Upcast(JsonObject data);
}

/// <summary>
/// The usual new version: the same event with one more field, which events stored before it was added read as null.
/// Derive with the names, e.g. <c>public sealed class XV1ToV2() : FieldAddedUpcaster("X.v1", "X.v2", "newField");</c>
/// </summary>
public abstract class FieldAddedUpcaster(string fromType, string toType, string field) : IEventUpcaster
{
    public string FromType => fromType;
    public string ToType => toType;

    public JsonObject Upcast(JsonObject data)
    {
        data[field] = null;
        return data;
    }
}

public static class PlatformJson
{
    /// <summary>camelCase, enums as strings: the shape of stored events and of the HTTP API.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// For request bodies: like <see cref="Options"/>, but a property the request type does not have, a key given twice
    /// and a number for an enum are refused, so a typo (<c>cashRecieved</c>) is an error, not a silent default.
    /// Stored events keep the lenient <see cref="Options"/>: an old event must stay readable after a field is dropped.
    /// </summary>
    public static JsonSerializerOptions Requests { get; } = CreateStrict();

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            // The web defaults read "12.5" as a number; the documents say number, so a string is refused.
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new WireNameEnumConverter());
        return options;
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

/// <summary>
/// Maps CLR event types to their stored names and back, running upcasters on old versions so that
/// every event ever written stays readable.
/// </summary>
public sealed class EventTypeMap
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = new();
    private readonly Dictionary<string, IEventUpcaster> _upcasters = new(StringComparer.Ordinal);

    public EventTypeMap Register(Type type)
    {
        var name = type.GetCustomAttribute<EventTypeAttribute>()?.Name
            ?? throw new InvalidOperationException($"{type.Name} has no [EventType] name.");
        if (_byName.TryGetValue(name, out var existing) && existing != type)
            throw new InvalidOperationException($"Event type name '{name}' is used by both {existing.Name} and {type.Name}.");
        _byName[name] = type;
        _byType[type] = name;
        return this;
    }

    /// <summary>Registers every type with an [EventType] name, and every upcaster, in the assembly.</summary>
    public EventTypeMap RegisterAssemblyOf<T>()
    {
        foreach (var type in typeof(T).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<EventTypeAttribute>() is not null) Register(type);
            if (typeof(IEventUpcaster).IsAssignableFrom(type) && type is { IsAbstract: false, IsInterface: false })
                AddUpcaster((IEventUpcaster)Activator.CreateInstance(type)!);
        }
        return this;
    }

    public EventTypeMap AddUpcaster(IEventUpcaster upcaster)
    {
        _upcasters[upcaster.FromType] = upcaster;
        return this;
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name) ? name : throw new InvalidOperationException($"{type.Name} is not a registered event.");

    public bool IsKnown(string storedType) => _byName.ContainsKey(storedType) || _upcasters.ContainsKey(storedType);

    public byte[] Serialize(object @event) => JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), PlatformJson.Options);

    /// <summary>Reads a stored event into its current CLR type, upcasting older versions first.</summary>
    public object Deserialize(string storedType, ReadOnlySpan<byte> data)
    {
        var type = storedType;
        JsonObject? node = null;
        while (_upcasters.TryGetValue(type, out var upcaster))
        {
            node ??= JsonNode.Parse(data)?.AsObject() ?? throw new JsonException($"Event of type '{storedType}' is not a JSON object.");
            node = upcaster.Upcast(node);
            type = upcaster.ToType;
        }
        if (!_byName.TryGetValue(type, out var clrType))
            throw new InvalidOperationException($"No event type is registered under '{type}'.");
        return node is null
            ? JsonSerializer.Deserialize(data, clrType, PlatformJson.Options)!
            : node.Deserialize(clrType, PlatformJson.Options)!;
    }
}
