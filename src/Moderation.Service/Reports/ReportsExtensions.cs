namespace Moderation.Service.Reports;

public static class ReportsExtensions
{
    public static IHostApplicationBuilder AddModerationReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommentReports>();
        builder.Services.AddSingleton<ReporterRateLimiter>();
        return builder;
    }
}
