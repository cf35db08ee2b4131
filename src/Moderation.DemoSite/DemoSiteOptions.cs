using System.Text.RegularExpressions;

namespace Moderation.DemoSite;

/// <summary>
/// <code>
/// "DemoSite": {
///   "SiteId": "portal-berita", "ArticleId": "banjir-sungai-lumut-2026",
///   "ModerationUrl": "http://localhost:8080",      // the service's HTTP API
///   "PollInterval": "00:00:02",                    // without a broker: how often approvals are fetched
///   "VerdictQueue": "demo-site-verdicts"           // with a broker: this site's queue of CommentModerated events
/// },
/// "ConnectionStrings": { "RabbitMq": "amqp://user:password@rabbitmq:5672/" }   // set: a real bus client
/// </code>
/// </summary>
public sealed partial class DemoSiteOptions
{
    public const string Section = "DemoSite";

    /// <summary>The site id the comments are submitted under (a lowercase slug).</summary>
    public string SiteId { get; set; } = "portal-berita";

    /// <summary>The article the page shows.</summary>
    public string ArticleId { get; set; } = "banjir-sungai-lumut-2026";

    /// <summary>The article's public address, sent to moderators with each comment; unset: this site's own address.</summary>
    public Uri? ArticleUrl { get; set; }

    /// <summary>
    /// The moderation service's base address. Without a broker every comment is submitted here
    /// (<c>POST /api/comments</c>) and approvals are polled from the public comments list; with a broker it is only
    /// read at start, to show the comments approved while this site was away.
    /// </summary>
    public Uri? ModerationUrl { get; set; } = new("http://localhost:8080");

    /// <summary>Without a broker: how often the approved comments are fetched from the service.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>With a broker: the queue bound to <c>CommentModerated</c>. One per running instance (each keeps its own list).</summary>
    public string VerdictQueue { get; set; } = "demo-site-verdicts";

    public static bool IsSlug(string? value) => value is not null && Slug().IsMatch(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
