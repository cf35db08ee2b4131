namespace Moderation.Service.Data;

/// <summary>An author banned on a site: their pending comments were rejected, and later ones are rejected.</summary>
public sealed class AuthorBanRecord
{
    public required string SiteId { get; set; }
    public required string AuthorId { get; set; }
    public required string BannedBy { get; set; }
    public DateTime BannedAt { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }
}
