using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>
/// How an enum value is spelt on the wire (HTTP and integration events): its <see cref="JsonStringEnumMemberNameAttribute"/>
/// name when it has one, else its name in kebab-case (SafetyFacility → "safety-facility"). One spelling for every service.
/// </summary>
public static class WireName
{
    private static readonly ConcurrentDictionary<Type, (IReadOnlyList<string> Names, IReadOnlyDictionary<string, object> Values)> Cache = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Of(typeof(TEnum), value);

    public static string Of(Type enumType, object value)
    {
        var name = Enum.GetName(enumType, value) ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {enumType.Name}.");
        var field = enumType.GetField(name, BindingFlags.Public | BindingFlags.Static)!;
        return field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? KebabCase(name);
    }

    /// <summary>Every wire name of <paramref name="enumType"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All(Type enumType) => Lookup(enumType).Names;

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => All(typeof(TEnum));

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        if (code is not null && Lookup(typeof(TEnum)).Values.TryGetValue(code, out var found))
        {
            value = (TEnum)found;
            return true;
        }
        value = default;
        return false;
    }

    internal static bool TryParse(Type enumType, string code, out object? value) =>
        Lookup(enumType).Values.TryGetValue(code, out value);

    private static (IReadOnlyList<string> Names, IReadOnlyDictionary<string, object> Values) Lookup(Type enumType) => Cache.GetOrAdd(enumType, type =>
    {
        var values = Enum.GetValues(type).Cast<object>().ToList();
        var names = values.Select(v => Of(type, v)).ToList();
        return (names, names.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    });

    private static string KebabCase(string name)
    {
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) code.Append('-');
            code.Append(char.ToLowerInvariant(name[i]));
        }
        return code.ToString();
    }
}

/// <summary>
/// Reads and writes enums by their <see cref="WireName"/>, and only so: a number, another spelling or an unknown name
/// is refused with a message that lists the accepted names (not the CLR type).
/// </summary>
public sealed class WireNameEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var accepted = string.Join(", ", WireName.All<TEnum>());
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"Expected one of {accepted}, as a string.");
            var code = reader.GetString();
            return WireName.TryParse<TEnum>(code, out var value)
                ? value
                : throw new JsonException($"'{Truncate(code)}' is not one of {accepted}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(WireName.Of(value));

        private static string? Truncate(string? code) => code is { Length: > 40 } ? code[..40] + "…" : code;
    }
}
