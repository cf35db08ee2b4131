using Moderation.Contracts;
using Moderation.Service.Data;
using Moderation.Service.Policies;

namespace Moderation.Testing;

/// <summary>A prolific author's stored comments: 120 rejected two weeks ago, then 100 approved in the last days.</summary>
internal static class AuthorHistoryRows
{
    public static readonly PolicyThresholds Thresholds = new(new ThresholdPair(0.3, 0.9), new ThresholdPair(0.4, 0.95), new ThresholdPair(0.2, 0.97));

    public static IEnumerable<CommentRecord> Build(string site, string author, DateTime now) =>
        Enumerable.Range(0, 220).Select(i =>
        {
            var rejected = i < 120;
            var at = rejected ? now.AddDays(-14).AddMinutes(i) : now.AddDays(-3).AddMinutes(i);
            return new CommentRecord
            {
                SiteId = site,
                CommentId = $"{author}-{i}",
                ArticleId = "a-1",
                AuthorId = author,
                Text = $"komentar {i}",
                Channel = "http",
                SubmittedAt = at,
                ReceivedAt = at,
                DecidedAt = at,
                ModelVersion = "sha256:test",
                Status = rejected ? ModerationStatus.Rejected : ModerationStatus.Approved,
                Revision = 1,
                DecidedBy = "system",
                ReasonsJson = "[]",
            };
        });
}
