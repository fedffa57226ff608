using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.ReadModels;

/// <summary>Restricts a read-model query to the estates the caller's token covers (all of them for "*").</summary>
public static class EstateFilter
{
    public static void Restrict(ClaimsPrincipal user, SqliteCommand command, List<string> filters, string column = "estate_id")
    {
        if (user.CanSeeAllEstates()) return;
        var estates = user.Estates();
        var names = estates.Select((_, i) => $"$estate{i}").ToList();
        filters.Add(names.Count == 0 ? "0" : $"{column} IN ({string.Join(", ", names)})");
        for (var i = 0; i < estates.Count; i++) command.Parameters.AddWithValue(names[i], estates[i]);
    }
}
