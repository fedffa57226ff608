using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.EventStore;

namespace Platform.BuildingBlocks.ReadModels;

public static class ReadModelRegistration
{
    /// <summary>
    /// The instance's read-model file: <c>ReadModel:Path</c>, else <c>{Data:Path}/{service}/read-model.db</c>
    /// (<c>./.data</c> when no data path is set).
    /// </summary>
    public static IServiceCollection AddReadModelDatabase(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var dataPath = configuration[EventStoreRegistration.DataPathKey] is { Length: > 0 } data ? data : "./.data";
        services.AddSingleton(new ReadModelDatabase(
            configuration["ReadModel:Path"] is { Length: > 0 } path ? path : Path.Combine(dataPath, serviceName, "read-model.db")));
        return services;
    }
}

/// <summary>How read models store values so that SQL compares them correctly.</summary>
public static class SqlValues
{
    /// <summary>Instants are stored as fixed-width UTC text, so they sort and compare as strings.</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    /// <summary>Days as ISO text, which sorts and compares as the calendar does.</summary>
    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A text column that may be NULL.</summary>
    public static string? TextOrNull(this Microsoft.Data.Sqlite.SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>An instant column (as <see cref="Instant(DateTimeOffset)"/> writes it) that may be NULL.</summary>
    public static DateTimeOffset? InstantOrNull(this Microsoft.Data.Sqlite.SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseInstant(reader.GetString(ordinal));
}
