namespace Platform.BuildingBlocks.Projections;

public sealed class ProjectionRunnerOptions
{
    /// <summary>The service's stream prefix, e.g. "complaints.": only its own events are projected.</summary>
    public string StreamPrefix { get; set; } = "";

    /// <summary>Most events applied in one transaction; fewer when fewer are waiting.</summary>
    public int MaxBatchSize { get; set; } = 256;

    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
