namespace Platform.BuildingBlocks.Http;

/// <summary>A required field was missing from a request body; answered as 422 naming the field.</summary>
public sealed class MissingFieldException(string field) : Exception($"'{field}' is required.")
{
    public string Field { get; } = field;
}

/// <summary>A request field held a value that cannot be read (an unknown code); answered as 400 naming the field.</summary>
public sealed class UnreadableFieldException(string field, string detail) : Exception(detail)
{
    public string Field { get; } = field;
}

/// <summary>Used while turning a request body into a command: a missing value throws <see cref="MissingFieldException"/>.</summary>
public static class Need
{
    public static T Value<T>(T? value, string field) where T : struct => value ?? throw new MissingFieldException(field);

    /// <summary>An element of a list that must not be null (<c>{"lines":[null]}</c>).</summary>
    public static T Item<T>(T? value, string field) where T : class => value ?? throw new MissingFieldException(field);

    public static string Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new MissingFieldException(field) : value;
}
