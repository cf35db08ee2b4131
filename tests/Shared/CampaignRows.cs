using Moderation.Contracts;
using Moderation.Service.Data;
using Moderation.Service.Policies;

namespace Moderation.Testing;

/// <summary>
/// Stored comments whose fingerprints are 0 to 9 bits from <see cref="Fingerprint"/>, each by its own author, with the
/// bits flipped across all four bands so that from 4 bits on no band matches exactly: only the one-bit probes find
/// those. With <see cref="CampaignSettings.MaxDistance"/> 7 a new comment with <see cref="Fingerprint"/> must find
/// the eight within 7 bits and not the two beyond.
/// </summary>
internal static class CampaignRows
{
    public const long Fingerprint = 0x1234_5678_9ABC_DEF0;

    /// <summary>Bit positions to flip, taken in order: one per band in turn (0, 16, 32, 48, then 1, 17, …).</summary>
    static readonly int[] Spread = Enumerable.Range(0, 16).Select(i => (i % 4 * 16) + (i / 4)).ToArray();

    public static long At(int distance) => Spread.Take(distance).Aggregate(Fingerprint, (f, bit) => f ^ (1L << bit));

    public static IEnumerable<CommentRecord> Build(string site, DateTime now) =>
        Enumerable.Range(0, 10).Select(distance =>
        {
            var at = now.AddMinutes(-10 + distance);
            return new CommentRecord
            {
                SiteId = site,
                CommentId = $"near-{distance}",
                ArticleId = "a-1",
                AuthorId = $"author-{distance}",
                Text = $"promosi {distance}",
                Channel = "http",
                SubmittedAt = at,
                ReceivedAt = at,
                DecidedAt = at,
                ModelVersion = "sha256:test",
                Status = ModerationStatus.Approved,
                Revision = 1,
                DecidedBy = "system",
                ReasonsJson = "[]",
                Fingerprint = At(distance),
            };
        });

    public static readonly CompiledPolicy Policy = new(new SitePolicy
    {
        Thresholds = AuthorHistoryRows.Thresholds,
        Campaign = new CampaignSettings { MaxDistance = 7 },
    });
}
