using Moderation.Service.Scoring;
using Moderation.Service.Auth;
using Moderation.Service.Comments;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;
using Moderation.Service.Integrations.Coral;
using Moderation.Service.Messaging;
using Moderation.Service.Policies;
using Moderation.Service.Reports;
using Moderation.Service.Review;
using Moderation.Service.Observability;
using Serilog;

LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddModerationLogging();
    builder.AddModerationHttp();
    builder.AddModerationMetrics();
    builder.AddModerationStorage();
    builder.AddModerationClassifier();
    builder.AddModerationAuth();
    builder.AddModerationIngestion();
    builder.AddModerationReview();
    builder.AddModerationReports();
    builder.AddCoralIntegration();
    builder.AddModerationMessaging();

    var app = builder.Build();

    app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseModerationReviewUi();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();

    app.MapIngestionApi();
    app.MapCommentsApi();
    app.MapReportsApi();
    app.MapCoralApi();
    app.MapReviewApi();
    app.MapStatsApi();
    app.MapPoliciesApi();
    app.MapKeysApi();
    app.MapModerationHealth();
    app.MapModerationMetrics();
    app.MapModerationOpenApi();

    await app.Services.MigrateModerationDatabaseAsync(app.Lifetime.ApplicationStopping);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The moderation service failed to start or stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
