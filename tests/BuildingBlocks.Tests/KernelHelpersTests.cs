using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Platform.BuildingBlocks.EventSourcing;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.ReadModels;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Tests;

public enum SampleKind
{
    SafetyFacility,
    [JsonStringEnumMemberName("call-centre-400")] CallCentre400,
}

public sealed record SampleRequest(SampleKind? Kind);

/// <summary>The pieces both services used to write for themselves, each once in the kernel now.</summary>
public sealed class KernelHelpersTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public KernelHelpersTests()
    {
        _connection.Open();
        RevisionGuardedRow.Run(_connection, null, """
            CREATE TABLE things (thing_id TEXT PRIMARY KEY, name TEXT, count INTEGER NOT NULL DEFAULT 0, revision INTEGER NOT NULL, position INTEGER NOT NULL);
            CREATE TABLE thing_notes (thing_id TEXT NOT NULL, note TEXT NOT NULL);
            """);
    }

    public void Dispose() => _connection.Dispose();

    private void Apply(long revision, Action<RevisionGuardedRow> change)
    {
        using var transaction = _connection.BeginTransaction();
        change(new RevisionGuardedRow(_connection, transaction, "things", "thing_id", "t-1", revision, (ulong)revision * 10));
        transaction.Commit();
    }

    private (string Name, long Count, long Revision, long Notes) Row()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name, count, revision, (SELECT COUNT(*) FROM thing_notes) FROM things WHERE thing_id = 't-1'";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    [Fact]
    public void A_read_model_row_applies_each_revision_once_however_often_it_is_delivered()
    {
        Apply(0, row => row.Insert(("name", "first")));
        Apply(0, row => row.Insert(("name", "again")));
        for (var delivery = 0; delivery < 2; delivery++)
            Apply(1, row =>
            {
                if (row.Update("count = count + $a", 5)) row.Execute("INSERT INTO thing_notes (thing_id, note) VALUES ($id, $a);", "noted");
            });
        Apply(2, row => row.Update(null));
        Apply(1, row => row.Update("name = $a", "stale"));

        Assert.Equal(("first", 5L, 2L, 1L), Row());
    }

    [Fact]
    public void A_list_shows_a_resident_only_their_own_rows_and_anyone_else_only_their_estates()
    {
        Assert.Equal("WHERE resident_id = $resident", Filter(User("r-1", [Roles.Resident], ["estate-1"])).Where);
        Assert.Equal("WHERE estate_id IN ($estate0, $estate1)", Filter(User("a-1", [Roles.CallCentreAgent], ["estate-1", "estate-2"])).Where);
        Assert.Equal("", Filter(User("m-1", [Roles.GeneralManager], ["*"])).Where);
        Assert.Equal("WHERE 0", Filter(User("a-2", [Roles.CallCentreAgent], [])).Where);
        Assert.NotNull(Filter(User("a-1", [Roles.CallCentreAgent], ["estate-1"])).Estate(User("a-1", [Roles.CallCentreAgent], ["estate-1"]), "estate-9"));
    }

    [Fact]
    public void One_visibility_rule_serves_aggregates_and_lists()
    {
        var resident = User("r-1", [Roles.Resident], ["estate-1"]);
        Assert.True(resident.MaySee("estate-1", "r-1"));
        Assert.False(resident.MaySee("estate-1", "r-2"));
        Assert.False(resident.MaySee("estate-1", null));
        var agent = User("a-1", [Roles.CallCentreAgent, Roles.Resident], ["estate-1"]);
        Assert.True(agent.MaySee("estate-1", null));
        Assert.False(agent.MaySee("estate-2", "a-1"));
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(201, null, "limit")]
    [InlineData(null, "not-a-cursor", "cursor")]
    public void A_page_with_a_bad_limit_or_cursor_is_refused_naming_it(int? limit, string? cursor, string field)
    {
        var (page, problem) = PageRequest.From(limit, cursor);

        Assert.Null(page);
        Assert.Contains(field, Describe(problem!));
    }

    [Fact]
    public void A_page_defaults_to_50_rows_and_reads_back_the_cursor_it_gave()
    {
        var id = Guid.NewGuid();
        Assert.Equal(new PageRequest(50, null), PageRequest.From(null, null).Page);
        Assert.Equal(("2026-01-01", id.ToString()), PageRequest.From(10, PageCursor.Encode("2026-01-01", id)).Page!.After);
    }

    [Theory]
    [InlineData(null, "2026-01-01", "2026-02-01", "estate-required")]
    [InlineData("estate-1", null, "2026-02-01", "period-start-required")]
    [InlineData("estate-1", "2026-01-01", null, "period-end-required")]
    [InlineData("estate-1", "2026-02-01", "2026-01-01", "period-empty")]
    [InlineData("estate-9", "2026-01-01", "2026-02-01", "estate-not-visible")]
    public void A_report_period_is_an_estate_the_caller_sees_and_a_period_that_ends_after_it_starts(string? estate, string? from, string? to, string code)
    {
        var (period, problem) = ReportPeriod.Read(User("a-1", [Roles.CallCentreAgent], ["estate-1"]), estate,
            from is null ? null : DateTimeOffset.Parse(from), to is null ? null : DateTimeOffset.Parse(to));

        Assert.Null(period);
        Assert.Contains(code, Describe(problem!));
    }

    [Fact]
    public void A_stream_id_names_its_aggregate_and_gives_it_back()
    {
        var streams = new AggregateStreams("workorders", "work-order");
        var id = Guid.NewGuid();

        Assert.Equal($"workorders.work-order-{id}", streams.For(id));
        Assert.Equal(id, streams.IdOf(streams.For(id)));
        Assert.Throws<ArgumentException>(() => streams.IdOf($"complaints.complaint-{id}"));
        Assert.Throws<ArgumentException>(() => streams.IdOf("workorders.work-order-not-a-guid"));
    }

    [Fact]
    public void An_enum_is_spelt_by_its_member_name_attribute_or_else_in_kebab_case_and_read_only_so()
    {
        Assert.Equal(["safety-facility", "call-centre-400"], WireName.All<SampleKind>());
        Assert.Equal(SampleKind.CallCentre400, JsonSerializer.Deserialize<SampleRequest>("""{"kind":"call-centre-400"}""", PlatformJson.Requests)!.Kind);
        Assert.Equal(SampleKind.SafetyFacility, JsonSerializer.Deserialize<SampleRequest>("""{"kind":"safety-facility"}""", PlatformJson.Requests)!.Kind);
        foreach (var other in new[] { """{"kind":"safetyFacility"}""", """{"kind":"SafetyFacility"}""", """{"kind":0}""" })
        {
            var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SampleRequest>(other, PlatformJson.Requests));
            Assert.Contains("safety-facility, call-centre-400", error.Message);
            Assert.Equal("$.kind", error.Path);
        }
    }

    private static ListFilter Filter(ClaimsPrincipal user)
    {
        var command = new SqliteConnection("Data Source=:memory:").CreateCommand();
        return new ListFilter(command, user, residentColumn: "resident_id");
    }

    private static ClaimsPrincipal User(string subject, string[] roles, string[] estates) => new(new ClaimsIdentity(
        [
            new Claim(PlatformClaims.Subject, subject),
            .. roles.Select(r => new Claim(PlatformClaims.Roles, r)),
            .. estates.Select(e => new Claim(PlatformClaims.Estates, e)),
        ], "test"));

    private static string Describe(Microsoft.AspNetCore.Http.IResult problem) =>
        JsonSerializer.Serialize((problem as Microsoft.AspNetCore.Http.IValueHttpResult)?.Value);
}
