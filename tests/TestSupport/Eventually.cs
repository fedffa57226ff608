using Xunit;

namespace Platform.TestSupport;

/// <summary>Waits for something that happens asynchronously by polling with a deadline, never by sleeping a guessed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                if (await condition()) return;
                lastError = null;
            }
            catch (Exception error) when (error is not Xunit.Sdk.XunitException)
            {
                // A condition may throw while the system is still settling (broker restarting); keep polling.
                lastError = error;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var detail = lastError is null ? "" : $" Last error: {lastError.GetType().Name}: {lastError.Message}";
                Assert.Fail($"Not true within {timeout.TotalSeconds:0.#} s: {because}.{detail}");
            }
            await Task.Delay(PollDelay);
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string because) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, because);
}
