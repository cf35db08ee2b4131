namespace Moderation.Service.Reports;

public sealed record ReportRequest(string? ReporterId, string? Reason, string? Note);
