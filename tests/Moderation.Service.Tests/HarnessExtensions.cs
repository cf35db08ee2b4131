using MassTransit.Testing;

namespace Moderation.Service.Tests;

public static class HarnessExtensions
{
    /// <summary>Waits until <paramref name="count"/> matching messages were published, or the harness timeout passes.</summary>
    public static async Task<IReadOnlyList<T>> WaitForPublishedAsync<T>(this ITestHarness harness, Func<T, bool> match, int count = 1)
        where T : class
    {
        var deadline = DateTime.UtcNow + harness.TestTimeout;
        while (true)
        {
            var found = harness.Published.Select<T>().Select(x => x.Context.Message).Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
