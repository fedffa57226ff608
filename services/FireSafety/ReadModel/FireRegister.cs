using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.FireSafety.ReadModel;

/// <summary>Queries on the register that commands need: the hazards a department still has open.</summary>
public sealed class FireRegister(ReadModelDatabase database, ProjectionRunner<FireSafetyProjection> runner)
{
    public async Task<IReadOnlyList<Guid>> OpenHazardsOfAsync(string estateId, string unit, CancellationToken ct)
    {
        await runner.CatchUpWithStoreAsync(TimeSpan.FromSeconds(10), ct);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT hazard_id FROM fs_hazards WHERE estate_id = $estate AND responsible_unit = $unit AND status <> 'closed' ORDER BY found_at, hazard_id;
            """;
        command.Parameters.AddWithValue("$estate", estateId);
        command.Parameters.AddWithValue("$unit", unit);
        var ids = new List<Guid>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(Guid.Parse(reader.GetString(0)));
        return ids;
    }
}
