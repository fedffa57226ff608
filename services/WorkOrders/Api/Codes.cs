using Platform.BuildingBlocks.Http;
using Platform.WorkOrders.Integration;

namespace Platform.WorkOrders.Api;

/// <summary>
/// The API spells enum values as the integration contracts do, in kebab-case ("safety-facility", "on-site"),
/// while stored events keep the kernel's camelCase: the two are translated here.
/// </summary>
public static class Codes
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => WorkOrderIntegrationEventMapper.Code(value);

    public static bool TryParse<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Of(candidate) == code?.Trim())
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Of).ToList();

    /// <summary>Null when absent; a code that is not one of the enum's is an unreadable field (400).</summary>
    public static TEnum? Read<TEnum>(string? code, string field) where TEnum : struct, Enum
    {
        if (code is null) return null;
        return TryParse<TEnum>(code, out var value)
            ? value
            : throw new UnreadableFieldException(field, $"'{field}' must be one of {string.Join(", ", All<TEnum>())}.");
    }
}
