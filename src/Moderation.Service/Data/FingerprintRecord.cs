namespace Moderation.Service.Data;

/// <summary>
/// <b>No longer written or read</b>: campaign candidates come from each replica's in-memory
/// <see cref="Policies.CampaignIndex"/>, fed from <c>comments."Fingerprint"</c>. The table stays for one release because
/// replicas of the previous version still write and read it during a rolling update (docs/OPERATIONS.md, *Upgrades*:
/// add first, remove in a later release); <see cref="Policies.FingerprintJanitor"/> empties it within a week, and the
/// next release drops it. A row was one 16-bit band of a comment's 64-bit SimHash (four rows per comment).
/// </summary>
public sealed class FingerprintRecord
{
    public long Id { get; set; }
    public required string SiteId { get; set; }

    /// <summary>Band number × 65536 + the band's 16 bits.</summary>
    public int Band { get; set; }

    public long Fingerprint { get; set; }
    public long CommentRecordId { get; set; }
    public CommentRecord? Comment { get; set; }
    public required string AuthorId { get; set; }
    public DateTime At { get; set; }
}
