using System.Net.Http.Headers;
using System.Text;

namespace Moderation.BrowserTests;

/// <summary>
/// A private virtual host on the RabbitMQ server that <c>./test.sh</c> started (<c>MODERATION_TEST_RABBITMQ</c>,
/// <c>MODERATION_TEST_RABBITMQ_MANAGEMENT</c>), so a test's queues meet no other test's consumers. Without the server
/// the test skips on a developer machine and fails under CI=true.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    readonly HttpClient _management;
    readonly string _vhost;

    TestBroker(HttpClient management, string vhost, Uri uri)
    {
        _management = management;
        _vhost = vhost;
        Uri = uri;
    }

    /// <summary>The broker address with this test's virtual host.</summary>
    public Uri Uri { get; }

    public static async Task<TestBroker> CreateAsync()
    {
        var broker = new Uri(Require("MODERATION_TEST_RABBITMQ"));
        var management = new HttpClient { BaseAddress = new Uri(Require("MODERATION_TEST_RABBITMQ_MANAGEMENT")) };
        var credentials = Uri.UnescapeDataString(broker.UserInfo);
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes(credentials)));
        var vhost = $"demo_{Guid.NewGuid():N}"[..20];
        (await management.PutAsync($"api/vhosts/{vhost}", null)).EnsureSuccessStatusCode();
        (await management.PutAsync($"api/permissions/{vhost}/{credentials.Split(':')[0]}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return new TestBroker(management, vhost, new UriBuilder(broker) { Path = "/" + vhost }.Uri);
    }

    public async ValueTask DisposeAsync()
    {
        await _management.DeleteAsync($"api/vhosts/{_vhost}");
        _management.Dispose();
    }

    static string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var message = $"{variable} is not set: run the tests through ./test.sh, which starts RabbitMQ.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return null!;
    }
}
