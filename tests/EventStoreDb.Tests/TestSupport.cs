using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Platform.EventStoreDb.Tests;

/// <summary>A fake clock that also records every timer asked of it, so a test can see a backoff being waited.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    public FakeTimeProvider Fake { get; } = new();
    public ConcurrentQueue<TimeSpan> Timers { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Timers.Enqueue(dueTime);
        return Fake.CreateTimer(callback, state, dueTime, period);
    }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();
    public override long GetTimestamp() => Fake.GetTimestamp();
    public override long TimestampFrequency => Fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    /// <summary>Waits (polling, with a deadline) for the next timer the code under test starts.</summary>
    public Task<TimeSpan> NextTimerAsync(CancellationToken ct = default) =>
        Poll.UntilAsync(() => Timers.TryDequeue(out var due) ? due : (TimeSpan?)null, ct);
}

public static class Poll
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task<T> UntilAsync<T>(Func<T?> probe, CancellationToken ct = default) where T : struct
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (probe() is { } value) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition did not hold before the deadline.");
            await Task.Delay(10, ct);
        }
    }

    public static Task UntilAsync(Func<bool> condition) => UntilAsync(() => condition() ? true : (bool?)null);
}

/// <summary>A token that ends a test's waits if something hangs, so a bug fails the test instead of the run.</summary>
public static class TestTimeout
{
    public static CancellationTokenSource Source() => new(TimeSpan.FromSeconds(30));
}
