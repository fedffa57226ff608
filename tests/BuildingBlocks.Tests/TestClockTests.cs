using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.Hosting;

namespace Platform.BuildingBlocks.Tests;

public sealed class TestClockTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _real = new(Start);
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"test-clock-{Guid.NewGuid():N}", "test-clock.txt");

    public void Dispose()
    {
        if (Directory.Exists(Path.GetDirectoryName(_file))) Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
    }

    [Fact]
    public void The_clock_moves_forward_and_never_back()
    {
        var clock = new TestClock(_real, _file);

        Assert.Equal(Start.AddHours(25), clock.AdvanceTo(Start.AddHours(25)));
        Assert.Equal(Start.AddHours(25), clock.AdvanceTo(Start.AddHours(1)));
        _real.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Start.AddHours(25).AddMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public void A_restarted_instance_goes_on_in_step_with_those_that_kept_running()
    {
        var running = new TestClock(_real, _file);
        running.AdvanceTo(Start.AddDays(3));
        _real.Advance(TimeSpan.FromMinutes(1));

        var restarted = new TestClock(_real, _file);

        Assert.Equal(Start.AddDays(3).AddMinutes(1), restarted.GetUtcNow());
        Assert.Equal(running.GetUtcNow(), restarted.GetUtcNow());
    }

    [Theory]
    [InlineData(null, "clock-move-required")]
    [InlineData("tomorrow", "duration-invalid")]
    [InlineData("-PT1H", "clock-never-goes-back")]
    [InlineData("PT0S", "clock-never-goes-back")]
    [InlineData("P99999D", "duration-too-long")]
    public async Task A_move_that_is_missing_malformed_backwards_or_too_long_is_a_400_naming_advanceBy(string? advanceBy, string code)
    {
        var (move, problem) = TestClockEndpoints.ParseMove(new ClockAdvance(advanceBy, null));

        Assert.Null(move);
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = new MemoryStream();
        await problem!.ExecuteAsync(http);
        Assert.Equal(400, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var body = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.Contains(code, body);
        Assert.Contains("advanceBy", body);
    }

    [Fact]
    public void A_move_by_a_duration_counts_from_the_platforms_time_and_one_to_an_instant_is_at_least_that()
    {
        Assert.Equal(Start.AddHours(25), TestClockEndpoints.ParseMove(new ClockAdvance("PT25H", null)).Move!.From(Start));
        Assert.Equal(Start.AddDays(2), TestClockEndpoints.ParseMove(new ClockAdvance(null, Start.AddDays(2))).Move!.From(Start));
        Assert.NotNull(TestClockEndpoints.ParseMove(new ClockAdvance("PT1H", Start)).Problem);
    }
}
