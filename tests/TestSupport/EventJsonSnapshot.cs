using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.BuildingBlocks.EventSourcing;

namespace Platform.TestSupport;

/// <summary>
/// Snapshot checks for stored event JSON. Stored events live forever, so a test pins each event's
/// name and exact JSON as a literal; any change to a record's shape then fails loudly and has to
/// become a new version with an upcaster.
/// </summary>
public static class EventJsonSnapshot
{
    /// <summary>The event is stored under <paramref name="expectedName"/> as exactly <paramref name="expectedJson"/> (whitespace aside).</summary>
    public static void Matches(EventTypeMap types, object @event, string expectedName, string expectedJson)
    {
        var name = types.NameOf(@event.GetType());
        if (name != expectedName)
            throw new EventSnapshotMismatchException($"{@event.GetType().Name} is stored as '{name}', the snapshot says '{expectedName}'.");

        Compare(@event.GetType().Name, Canonical(expectedJson, "the expected JSON"), Canonical(types.Serialize(@event)));
    }

    /// <summary>JSON stored under <paramref name="storedType"/> (possibly an old version) reads as <paramref name="expected"/>.</summary>
    public static void Reads(EventTypeMap types, string storedType, string storedJson, object expected)
    {
        var read = types.Deserialize(storedType, System.Text.Encoding.UTF8.GetBytes(storedJson));
        if (read.GetType() != expected.GetType())
            throw new EventSnapshotMismatchException($"'{storedType}' reads as {read.GetType().Name}, expected {expected.GetType().Name}.");

        // Compared through the serializer so that records holding lists compare by content.
        Compare($"'{storedType}' as read", Canonical(types.Serialize(expected)), Canonical(types.Serialize(read)));
    }

    /// <summary>JSON written compactly, keeping property order, with the serializer's escaping, so literals compare as text.</summary>
    public static string Canonical(string json, string what = "JSON")
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString() ?? "null";
        }
        catch (JsonException ex)
        {
            throw new EventSnapshotMismatchException($"{what} is not valid JSON: {ex.Message}");
        }
    }

    private static string Canonical(byte[] utf8) => JsonNode.Parse(utf8)?.ToJsonString() ?? "null";

    private static void Compare(string what, string expected, string actual)
    {
        if (expected == actual) return;
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        throw new EventSnapshotMismatchException(
            $"{what} does not match its snapshot; first difference at character {at}.{Environment.NewLine}" +
            $"expected: {expected}{Environment.NewLine}actual:   {actual}");
    }
}

public sealed class EventSnapshotMismatchException(string message) : Exception(message);
