using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Moderation.Contracts;
using Moderation.Service.Data;

namespace Moderation.Service.Review;

/// <summary>
/// Moderators' decisions as labelled training rows, in the TSV format of the shared datasets
/// (<c>id source lang text spam abuse hate</c>), ready for <c>moderation train --data</c>. A comment's current
/// moderator decision counts: approved → all three labels 0; rejected as spam → spam 1; as abuse → abuse 1; as hate →
/// abuse 1 and hate 1 (hate is a kind of abuse). Labels a decision says nothing about stay empty (unknown), and
/// off-topic/other rejections are left out: they are not what the model learns.
/// </summary>
public static class FeedbackExport
{
    public const string Source = "feedback";
    public const string Header = "id\tsource\tlang\ttext\tspam\tabuse\thate";

    public static async Task<int> WriteAsync(ModerationDbContext db, TextWriter writer, string? siteId, DateTime? since, CancellationToken cancellationToken)
    {
        var decided = db.Comments.AsNoTracking().Where(c => c.DecidedBy != "system" && c.Status != ModerationStatus.Pending);
        if (siteId is not null)
        {
            decided = decided.Where(c => c.SiteId == siteId);
        }

        if (since is { } from)
        {
            decided = decided.Where(c => c.DecidedAt >= from);
        }

        var rows = await decided
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.SiteId,
                c.CommentId,
                c.Language,
                c.Text,
                c.Status,
                ReasonCode = c.Decisions.Where(d => d.Revision == c.Revision).Select(d => d.ReasonCode).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        await writer.WriteLineAsync(Header);
        var written = 0;
        foreach (var row in rows)
        {
            var labels = Labels(row.Status, row.ReasonCode);
            var text = Clean(row.Text);
            if (labels is null || text.Length == 0)
            {
                continue;
            }

            var language = Language(row.Language, text);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Source}-{Clean(row.SiteId)}-{Clean(row.CommentId)}\t{Source}\t{language}\t{text}\t{labels}"));
            written++;
        }

        return written;
    }

    /// <summary>
    /// The row's <c>lang</c>: "en" when the site said English, "id" for any other language it named; without one, what
    /// the comment's function words say, else "id". Rows in "id" train the Indonesian heads, so an English site that
    /// sends no language must not land there by default.
    /// </summary>
    public static string Language(string? siteLanguage, string text) => siteLanguage is { Length: > 0 } lang
        ? lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "id"
        : Classifier.CommentLanguage.Guess(text) ?? "id";

    /// <summary>The three label columns, or null when the decision teaches nothing about them.</summary>
    public static string? Labels(ModerationStatus status, string? reasonCode) => (status, reasonCode) switch
    {
        (ModerationStatus.Approved, _) => "0\t0\t0",
        (ModerationStatus.Rejected, "spam") => "1\t\t",
        (ModerationStatus.Rejected, "abuse") => "\t1\t",
        (ModerationStatus.Rejected, "hate") => "\t1\t1",
        _ => null,
    };

    /// <summary>One line, no tabs: the format has no quoting, so tabs, line breaks and other controls become spaces.</summary>
    static string Clean(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
