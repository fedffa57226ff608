using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Platform.BuildingBlocks.Http;

/// <summary>Marks a request field as free text: up to <see cref="FieldLimits.FreeText"/> characters, line breaks allowed.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class FreeTextAttribute : Attribute;

/// <summary>
/// Marks a request field that must be given: the OpenAPI document lists it as required, and every other field as
/// optional. The endpoint or the decider refuses its absence with a rule of its own; tests hold the two together.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>A field required only under a condition, which the OpenAPI document states ("Required unless …").</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class RequiredWhenAttribute(string condition) : Attribute
{
    public string Condition { get; } = condition;
}

/// <summary>
/// The documented maximum of every request field, checked on every command body before anything is decided:
/// a short field (a name, an id, a code, a reference, a phone number) is at most <see cref="ShortText"/> characters and
/// has no control characters; a free-text field (<see cref="FreeTextAttribute"/>) at most <see cref="FreeText"/>, where
/// only line breaks and tabs are allowed among the control characters; a list at most <see cref="ListItems"/> entries.
/// </summary>
public static class FieldLimits
{
    public const int ShortText = 200;
    public const int FreeText = 4_000;
    public const int ListItems = 100;

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Field>> Fields = new();

    /// <summary>The first field over its limit, with why; null when every field is within its limits.</summary>
    public static (string Field, string Detail)? Check(object body) => Check(body, "");

    private static (string Field, string Detail)? Check(object value, string path)
    {
        foreach (var field in FieldsOf(value.GetType()))
        {
            var name = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            switch (field.Property.GetValue(value))
            {
                case string text when CheckText(text, field.FreeText) is { } detail:
                    return (name, detail);
                case string:
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (index == ListItems) return (name, $"A list holds at most {ListItems} entries.");
                        var itemName = $"{name}[{index++}]";
                        if (item is string itemText && CheckText(itemText, field.FreeText) is { } itemDetail) return (itemName, itemDetail);
                        if (item is not null && IsRequestRecord(item.GetType()) && Check(item, itemName) is { } nested) return nested;
                    }
                    break;
                case { } nested when IsRequestRecord(nested.GetType()):
                    if (Check(nested, name) is { } violation) return violation;
                    break;
            }
        }
        return null;
    }

    private static string? CheckText(string text, bool freeText)
    {
        var max = freeText ? FreeText : ShortText;
        if (text.Length > max) return $"At most {max} characters.";
        if (freeText ? text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) : text.Any(char.IsControl))
            return freeText ? "Control characters other than line breaks and tabs are not allowed." : "Control characters are not allowed.";
        return null;
    }

    internal static bool IsRequestRecord(Type type) => type.IsClass && type.Namespace?.StartsWith("Platform.", StringComparison.Ordinal) == true;

    /// <summary>The type of a list's entries; the type itself for anything that is not a list.</summary>
    public static Type ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : type;

    /// <summary>A request body type, as the API documents it: a platform record named <c>…Request</c>.</summary>
    public static bool IsRequestBody(Type type) => IsRequestRecord(type) && type.Name.EndsWith("Request", StringComparison.Ordinal);

    /// <summary>The fields of a request type, each with its JSON name and its marks.</summary>
    public static IReadOnlyList<Field> FieldsOf(Type type) => Fields.GetOrAdd(type, t =>
    {
        // A positional record carries the attributes on its constructor parameters.
        var parameters = t.GetConstructors().SelectMany(c => c.GetParameters()).ToLookup(p => p.Name, StringComparer.Ordinal);
        TAttribute? Mark<TAttribute>(PropertyInfo property) where TAttribute : Attribute =>
            property.GetCustomAttribute<TAttribute>() ?? parameters[property.Name].Select(p => p.GetCustomAttribute<TAttribute>()).FirstOrDefault(a => a is not null);
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new Field(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), Mark<FreeTextAttribute>(p) is not null,
                Mark<RequiredAttribute>(p) is not null, Mark<RequiredWhenAttribute>(p)?.Condition))
            .ToList();
    });

    /// <param name="RequiredWhen">The condition under which an otherwise optional field is required; null if none.</param>
    public sealed record Field(PropertyInfo Property, string Name, bool FreeText, bool Required, string? RequiredWhen);
}
