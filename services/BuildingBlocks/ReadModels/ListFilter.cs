using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.ReadModels;

/// <summary>
/// The WHERE clause of a read-model list query, built condition by condition with its parameters. It starts with the
/// platform's visibility rule, so no list can forget it.
/// </summary>
public sealed class ListFilter
{
    private readonly SqliteCommand _command;
    private readonly List<string> _conditions = [];

    /// <param name="residentColumn">The column naming the resident who filed the row: all a resident-only caller sees.</param>
    public ListFilter(SqliteCommand command, ClaimsPrincipal user, string residentColumn, string estateColumn = "estate_id")
    {
        _command = command;
        if (user.IsResidentOnly())
            Add($"{residentColumn} = $resident", ("$resident", user.ToActor().Id));
        else if (!user.CanSeeAllEstates())
        {
            var estates = user.Estates();
            var names = estates.Select((_, i) => $"$estate{i}").ToList();
            Add(names.Count == 0 ? "0" : $"{estateColumn} IN ({string.Join(", ", names)})",
                [.. names.Zip(estates, (name, estate) => (name, (object)estate))]);
        }
    }

    public string Where => _conditions.Count > 0 ? "WHERE " + string.Join(" AND ", _conditions) : "";

    public ListFilter Add(string condition, params (string Name, object Value)[] parameters)
    {
        _conditions.Add(condition);
        foreach (var (name, value) in parameters) _command.Parameters.AddWithValue(name, value);
        return this;
    }

    /// <summary><c>column = value</c> when a value is given; nothing otherwise.</summary>
    public ListFilter Equal(string column, object? value) =>
        value is null ? this : Add($"{column} = ${column}", ("$" + column, value));

    /// <summary>The estate a caller asked for: a 403 problem when their token does not cover it.</summary>
    public IResult? Estate(ClaimsPrincipal user, string? estateId, string column = "estate_id")
    {
        if (estateId is null) return null;
        if (!user.CanSeeEstate(estateId)) return ApiProblems.EstateNotVisible(estateId);
        Equal(column, estateId);
        return null;
    }

    /// <summary>Only rows after the cursor's, for a list sorted descending by (sortColumn, idColumn).</summary>
    public ListFilter After(PageRequest page, string sortColumn, string idColumn)
    {
        if (page.After is { } after) PageCursor.AddAfter(_conditions, _command, sortColumn, idColumn, after);
        return this;
    }
}

/// <summary>A page a list query was asked for: how many rows, after which one.</summary>
public sealed record PageRequest(int Take, (string SortKey, string Id)? After)
{
    public const int DefaultLimit = 50, MaxLimit = 200;

    /// <summary>Reads <c>limit</c> and <c>cursor</c>; a 400 problem naming the parameter when either is wrong.</summary>
    public static (PageRequest? Page, IResult? Problem) From(int? limit, string? cursor)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
            return (null, ApiProblems.InvalidField("limit", "limit-out-of-range", $"limit must be between 1 and {MaxLimit}.", StatusCodes.Status400BadRequest));
        if (cursor is null) return (new PageRequest(take, null), null);
        return PageCursor.Decode(cursor) is { } after
            ? (new PageRequest(take, after), null)
            : (null, ApiProblems.InvalidField("cursor", "cursor-invalid", "cursor must be a nextCursor this API returned.", StatusCodes.Status400BadRequest));
    }
}
