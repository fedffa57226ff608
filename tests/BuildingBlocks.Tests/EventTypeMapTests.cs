using Platform.TestSupport;
using System.Text;
using System.Text.Json.Nodes;
using Platform.BuildingBlocks.EventSourcing;


namespace Platform.BuildingBlocks.Tests;

[EventType("ParcelReceived.v1")]
public sealed record ParcelReceivedV1(string ParcelId, string Room);

[EventType("ParcelReceived.v2")]
public sealed record ParcelReceivedV2(string ParcelId, string Building, string Room);

[EventType("ParcelReceived.v3")]
public sealed record ParcelReceived(string ParcelId, string Building, string Room, IReadOnlyList<string> Tags);

[EventType("ParcelCollected.v1")]
public sealed record ParcelCollected(string ParcelId, DateTimeOffset At, ParcelState State);

public enum ParcelState { AtDesk, PickedUp }

[EventType("ParcelCollected.v1")]
public sealed record ParcelCollectedImpostor(string Other);

public sealed record NotAnEvent(string Value);

/// <summary>v1 had only a room; v2 split out the building, taking the room's prefix ("B3-1204").</summary>
public sealed class ParcelReceivedV1ToV2 : IEventUpcaster
{
    public string FromType => "ParcelReceived.v1";
    public string ToType => "ParcelReceived.v2";

    public JsonObject Upcast(JsonObject data)
    {
        var room = (string)data["room"]!;
        var dash = room.IndexOf('-');
        data["building"] = dash > 0 ? room[..dash] : "";
        data["room"] = dash > 0 ? room[(dash + 1)..] : room;
        return data;
    }
}

public sealed class ParcelReceivedV2ToV3 : IEventUpcaster
{
    public string FromType => "ParcelReceived.v2";
    public string ToType => "ParcelReceived.v3";

    public JsonObject Upcast(JsonObject data)
    {
        data["tags"] = new JsonArray();
        return data;
    }
}

public sealed class EventTypeMapTests
{
    private static EventTypeMap Current() => new EventTypeMap()
        .Register(typeof(ParcelReceived))
        .Register(typeof(ParcelCollected))
        .AddUpcaster(new ParcelReceivedV1ToV2())
        .AddUpcaster(new ParcelReceivedV2ToV3());

    [Fact]
    public void Registered_types_are_stored_under_their_attribute_names()
    {
        var types = Current();

        Assert.Equal("ParcelReceived.v3", types.NameOf(typeof(ParcelReceived)));
        Assert.Equal("ParcelCollected.v1", types.NameOf(typeof(ParcelCollected)));
        Assert.Equal(["ParcelCollected.v1", "ParcelReceived.v3"], types.Names.Order());
    }

    [Fact]
    public void Registering_the_same_type_twice_is_harmless()
    {
        var types = Current().Register(typeof(ParcelCollected));

        Assert.Equal("ParcelCollected.v1", types.NameOf(typeof(ParcelCollected)));
    }

    [Fact]
    public void Two_types_claiming_one_name_is_an_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Current().Register(typeof(ParcelCollectedImpostor)));

        Assert.Contains("ParcelCollected.v1", error.Message);
    }

    [Fact]
    public void A_type_without_a_name_cannot_be_registered_or_stored()
    {
        Assert.Throws<InvalidOperationException>(() => new EventTypeMap().Register(typeof(NotAnEvent)));
        Assert.Throws<InvalidOperationException>(() => Current().NameOf(typeof(NotAnEvent)));
    }

    [Fact]
    public void Events_round_trip_through_their_stored_json()
    {
        var types = Current();
        var collected = new ParcelCollected("p-1", new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(8)), ParcelState.PickedUp);

        var read = types.Deserialize(types.NameOf(collected.GetType()), types.Serialize(collected));

        Assert.Equal(collected, read);
    }

    [Fact]
    public void An_old_v1_event_is_upcast_through_v2_to_the_current_shape()
    {
        const string storedInV1 = """{"parcelId":"p-7","room":"B3-1204"}""";

        var read = Assert.IsType<ParcelReceived>(Current().Deserialize("ParcelReceived.v1", Encoding.UTF8.GetBytes(storedInV1)));

        Assert.Equal("p-7", read.ParcelId);
        Assert.Equal("B3", read.Building);
        Assert.Equal("1204", read.Room);
        Assert.Empty(read.Tags);
    }

    [Fact]
    public void Old_and_current_names_are_known_and_others_are_not()
    {
        var types = Current();

        Assert.True(types.IsKnown("ParcelReceived.v1"));
        Assert.True(types.IsKnown("ParcelReceived.v2"));
        Assert.True(types.IsKnown("ParcelReceived.v3"));
        Assert.False(types.IsKnown("ParcelReceived.v4"));
        Assert.False(types.IsKnown("parcelreceived.v3"));
    }

    [Fact]
    public void Reading_an_unknown_type_is_an_error_that_names_it()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Current().Deserialize("ParcelLost.v1", """{"parcelId":"p-1"}"""u8));

        Assert.Contains("ParcelLost.v1", error.Message);
    }

    [Fact]
    public void The_snapshot_helper_pins_the_stored_name_and_json()
    {
        var types = Current();
        var collected = new ParcelCollected("p-1", new DateTimeOffset(2026, 3, 1, 8, 30, 0, TimeSpan.FromHours(8)), ParcelState.AtDesk);

        EventJsonSnapshot.Matches(types, collected, "ParcelCollected.v1", """
            {
              "parcelId": "p-1",
              "at": "2026-03-01T08:30:00+08:00",
              "state": "atDesk"
            }
            """);
        EventJsonSnapshot.Matches(types, new ParcelReceived("p-2", "B1", "门卫室", ["fragile"]), "ParcelReceived.v3",
            """{"parcelId":"p-2","building":"B1","room":"门卫室","tags":["fragile"]}""");
    }

    [Fact]
    public void The_snapshot_helper_reports_a_changed_shape_or_name()
    {
        var types = Current();
        var collected = new ParcelCollected("p-1", DateTimeOffset.UnixEpoch, ParcelState.AtDesk);

        var renamed = Assert.Throws<EventSnapshotMismatchException>(() => EventJsonSnapshot.Matches(types, collected,
            "ParcelCollected.v1", """{"id":"p-1","at":"1970-01-01T00:00:00+00:00","state":"atDesk"}"""));
        var wrongName = Assert.Throws<EventSnapshotMismatchException>(() => EventJsonSnapshot.Matches(types, collected,
            "ParcelCollected.v2", """{"parcelId":"p-1","at":"1970-01-01T00:00:00+00:00","state":"atDesk"}"""));

        Assert.Contains("\"parcelId\"", renamed.Message);
        Assert.Contains("ParcelCollected.v2", wrongName.Message);
    }

    [Fact]
    public void The_snapshot_helper_reads_old_stored_json_as_the_current_event()
    {
        EventJsonSnapshot.Reads(Current(), "ParcelReceived.v1", """{"parcelId":"p-7","room":"B3-1204"}""",
            new ParcelReceived("p-7", "B3", "1204", []));

        Assert.Throws<EventSnapshotMismatchException>(() => EventJsonSnapshot.Reads(Current(), "ParcelReceived.v1",
            """{"parcelId":"p-7","room":"B3-1204"}""", new ParcelReceived("p-7", "B3", "1205", [])));
    }
}
