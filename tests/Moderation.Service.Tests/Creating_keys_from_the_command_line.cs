using System.Net;

namespace Moderation.Service.Tests;

/// <summary>
/// <c>moderation keys create --site SITE --role moderator</c> prints a key once; the service accepts it for that site
/// only, and <c>keys revoke</c> ends it. Runs the built CLI as a process against the SQLite file the service then uses.
/// </summary>
public sealed class Creating_keys_from_the_command_line : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("moderation-keys-").FullName;

    string DatabasePath => Path.Combine(_directory, "moderation.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_moderator_key_from_the_cli_works_for_its_site_only_until_revoked()
    {
        var created = await CommandLine.RunAsync("keys", "create", "--name", "Sari", "--role", "moderator", "--site", "portal-kunci", "--sqlite", DatabasePath);
        Assert.Equal(0, created.ExitCode);
        var key = created.Output.Trim().Split('\n')[^1].Trim(); // printed once, on its own last line
        Assert.StartsWith("mk_", key, StringComparison.Ordinal);

        await using (var app = new ModerationAppFactory())
        {
            app.Settings["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}";
            using var moderator = app.CreateClient(key);
            Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/api/review?siteId=portal-kunci", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/api/review?siteId=portal-lain", Ct)).StatusCode);
        }

        var listed = await CommandLine.RunAsync("keys", "list", "--sqlite", DatabasePath);
        Assert.Contains("Sari", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal); // the key itself is never shown again

        var id = key.Substring("mk_".Length, 12); // mk_{id}_{secret}
        var revoked = await CommandLine.RunAsync("keys", "revoke", id, "--sqlite", DatabasePath);
        Assert.True(revoked.ExitCode == 0, revoked.Output);

        await using (var app = new ModerationAppFactory())
        {
            app.Settings["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}";
            using var moderator = app.CreateClient(key);
            Assert.Equal(HttpStatusCode.Unauthorized, (await moderator.GetAsync("/api/review?siteId=portal-kunci", Ct)).StatusCode);
        }
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;
}
