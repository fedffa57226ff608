namespace Platform.Complaints.Api;

/// <summary>A required field was missing from a request body; answered as 422 naming the field.</summary>
public sealed class MissingFieldException(string field) : Exception($"'{field}' is required.")
{
    public string Field { get; } = field;
}

public static class Need
{
    public static T Value<T>(T? value, string field) where T : struct => value ?? throw new MissingFieldException(field);

    public static string Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new MissingFieldException(field) : value;
}
