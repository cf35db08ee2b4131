namespace Moderation.Service.Data;

/// <summary>A reader's report of a comment; one per reader and comment.</summary>
public sealed class ReportRecord
{
    public long Id { get; set; }
    public long CommentRecordId { get; set; }
    public required string ReporterId { get; set; }
    public required string Reason { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
}
