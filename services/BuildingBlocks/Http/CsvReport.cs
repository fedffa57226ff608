using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Http;

/// <summary>
/// A report's rows as CSV for the people who print them: one column per property of the row record, named in snake case,
/// instants in ISO 8601. Text is quoted with quotes doubled, and a leading formula character is neutralised for spreadsheets.
/// </summary>
public static class CsvReport
{
    public static IResult Of<TRow>(IEnumerable<TRow> rows)
    {
        var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var csv = new StringBuilder().AppendJoin(',', properties.Select(p => SnakeCase(p.Name))).Append('\n');
        foreach (var row in rows)
            csv.AppendJoin(',', properties.Select(p => Cell(p.GetValue(row)))).Append('\n');
        return Results.Text(csv.ToString(), "text/csv", Encoding.UTF8);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string text => "\"" + (text is ['=' or '+' or '-' or '@', ..] ? "'" + text : text).Replace("\"", "\"\"") + "\"",
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Cell(value.ToString()),
    };

    private static string SnakeCase(string name)
    {
        var snake = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && snake.Length > 0) snake.Append('_');
            snake.Append(char.ToLowerInvariant(c));
        }
        return snake.ToString();
    }
}
