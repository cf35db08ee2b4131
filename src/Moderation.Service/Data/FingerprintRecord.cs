namespace Moderation.Service.Data;

/// <summary>
/// One 8-bit band of a comment's 64-bit SimHash. Two texts whose SimHashes differ in at most 7 bits share at least
/// one of their 8 bands exactly, so an indexed lookup on (SiteId, Band) finds every near-duplicate candidate on
/// PostgreSQL and SQLite alike; candidates are then compared bit by bit.
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
