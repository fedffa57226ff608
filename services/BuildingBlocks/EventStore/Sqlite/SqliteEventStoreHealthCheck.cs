using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.BuildingBlocks.EventStore.Sqlite;

/// <summary>Ready when the event file opens and its schema can be read.</summary>
public sealed class SqliteEventStoreHealthCheck(SqliteEventStoreOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(options.Path);
        try
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWrite,
                DefaultTimeout = 5,
            }.ToString();
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM events WHERE position < 0;";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Event store file {path} opens.");
        }
        catch (SqliteException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Event store file {path} does not open: {ex.Message}", ex);
        }
    }
}
