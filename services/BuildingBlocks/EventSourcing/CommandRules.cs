namespace Platform.BuildingBlocks.EventSourcing;

/// <summary>Checks every service's deciders make the same way.</summary>
public static class CommandRules
{
    /// <summary>Watchers, reactions and consumers act as the system and pass every role check.</summary>
    public static Rejection? RequireRole(Actor by, IReadOnlyList<string> roles, string code, string detail) =>
        by.HasRole(Roles.System) || by.HasAnyRole(roles) ? null : Rejection.Forbidden(code, detail);

    /// <summary>Refused as <c>{field}-required</c>, the field's last part in kebab case ("lines[0].itemCode" gives "item-code-required").</summary>
    public static Rejection? RequireText(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) ? Rejection.Invalid($"{Kebab(field)}-required", field, $"{what} is required.") : null;

    private static string Kebab(string field) =>
        string.Concat(field[(field.LastIndexOf('.') + 1)..].Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
