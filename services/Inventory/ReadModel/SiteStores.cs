using Platform.BuildingBlocks.Projections;
using Platform.BuildingBlocks.ReadModels;

namespace Platform.Inventory.ReadModel;

/// <summary>The site store that serves an estate: its first ordinary (not hazardous-goods) site store by code.</summary>
public sealed class SiteStores(ReadModelDatabase database, ProjectionRunner<InventoryProjection> runner)
{
    public async Task<Guid?> SiteStoreOfAsync(string estateId, CancellationToken ct)
    {
        // A store opened a moment ago must be found: read the model once it has caught up with the store.
        await runner.CatchUpWithStoreAsync(TimeSpan.FromSeconds(30), ct);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT store_id FROM inv_stores WHERE tier = 'site' AND estate_id = $estate AND hazardous_goods = 0 ORDER BY code LIMIT 1;
            """;
        command.Parameters.AddWithValue("$estate", estateId);
        return command.ExecuteScalar() is string id ? Guid.Parse(id) : null;
    }
}
