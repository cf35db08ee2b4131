namespace Moderation.Service.Reports;

/// <summary>The outcome of a reader report.</summary>
/// <param name="Status">recorded, duplicate (this reader already reported it), not_found, invalid or rate_limited.</param>
/// <param name="Reports">Distinct readers who reported the comment so far.</param>
/// <param name="InReportedQueue">Whether the comment now waits in the moderators' reported queue.</param>
/// <param name="Errors">What is wrong with an invalid or refused report.</param>
public sealed record ReportResult(string Status, int Reports, bool InReportedQueue, IReadOnlyList<string>? Errors = null);
