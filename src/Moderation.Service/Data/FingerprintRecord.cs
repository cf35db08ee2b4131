namespace Moderation.Service.Data;

/// <summary>
/// One 16-bit band of a comment's 64-bit SimHash (four rows per comment). Two texts whose SimHashes differ in at most
/// 7 bits have a band that differs in at most one bit, so indexed lookups on (SiteId, Band) of each band's value and
/// its one-bit neighbours (<see cref="Policies.SimHash.ProbeKeys"/>) find every near-duplicate candidate on PostgreSQL
/// and SQLite alike; candidates are then compared bit by bit.
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
