namespace Moderation.Service.Data;

/// <summary>A site's stored policy (JSON of <c>SitePolicy</c>); sites without a row use the defaults.</summary>
public sealed class SitePolicyRecord
{
    public required string SiteId { get; set; }
    public required string PolicyJson { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
