using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts;

namespace Platform.Gateway;

/// <summary>
/// The integration event catalogue for downstream systems: the AsyncAPI 3.0 document at <c>/asyncapi/v1.json</c> and a
/// page that reads it, <c>/asyncapi</c>: each exchange with its fields and an example. Published where the API
/// reference is (<c>Gateway:PublishApiReference</c>).
/// </summary>
internal static class EventCataloguePage
{
    private static readonly Lazy<JsonObject> Document = new(EventCatalogue.Document);
    private static readonly Lazy<string> DocumentText = new(EventCatalogue.ToJson);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void MapEventCatalogue(this WebApplication app)
    {
        app.MapGet(EventCatalogue.DocumentPath, () => Results.Text(DocumentText.Value, "application/json", Encoding.UTF8))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/asyncapi", () => Results.Content(Html(Document.Value), "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    private static string Html(JsonObject document)
    {
        var page = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Integration events</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}code,pre{background:#f4f4f4}pre{padding:.5rem;overflow:auto}")
            .Append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}</style></head><body>")
            .Append("<h1>").Append(Encode(document["info"]!["title"]!.GetValue<string>())).Append("</h1>")
            .Append("<p>").Append(Encode(document["info"]!["description"]!.GetValue<string>())).Append("</p>")
            .Append("<p>The machine-readable document: <a href=\"").Append(EventCatalogue.DocumentPath).Append("\">").Append(EventCatalogue.DocumentPath).Append("</a> (AsyncAPI 3.0).</p>");
        var messages = document["components"]!["messages"]!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (key, message) in messages)
        {
            page.Append("<h2 id=\"").Append(Encode(key)).Append("\"><code>").Append(Encode(message!["name"]!.GetValue<string>())).Append("</code></h2>")
                .Append("<p>").Append(Encode(message["summary"]!.GetValue<string>())).Append("</p><table><tr><th>field</th><th>type</th></tr>");
            foreach (var (field, schema) in schemas[key]!["properties"]!.AsObject())
                page.Append("<tr><td><code>").Append(Encode(field)).Append("</code></td><td>").Append(Encode(schema!["type"]?.ToJsonString() ?? "object")).Append("</td></tr>");
            page.Append("</table><pre>").Append(Encode(message["examples"]![0]!["payload"]!.ToJsonString(Indented))).Append("</pre>");
        }
        return page.Append("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
