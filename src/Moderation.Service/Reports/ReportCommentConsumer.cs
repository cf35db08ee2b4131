using MassTransit;
using Moderation.Contracts;

namespace Moderation.Service.Reports;

/// <summary>Reader reports from the <c>report-comment</c> queue. Idempotent: a reader counts once per comment.</summary>
public sealed class ReportCommentConsumer(CommentReports reports, ILogger<ReportCommentConsumer> logger) : IConsumer<ReportComment>
{
    public async Task Consume(ConsumeContext<ReportComment> context)
    {
        var result = await reports.AddAsync(context.Message, context.CancellationToken);
        if (result.Status is "invalid" or "not_found")
        {
            logger.LogInformation(
                "Report of {SiteId}/{CommentId} ignored: {Status} {Errors}",
                context.Message.SiteId, context.Message.CommentId, result.Status, string.Join("; ", result.Errors ?? []));
        }
    }
}
