// A measurement prototype for issue #6, not a product: the service's moderation pipeline (CommentIngestion: validate,
// dedupe on (SiteId, CommentId), score, policy, store in PostgreSQL) behind a plain RabbitMQ.Client consumer instead
// of MassTransit, so bench/run-load.sh --lean can measure what a leaner transport would reach. It reads the service's
// configuration, declares the same topology, accepts the same messages and publishes the same answers (MassTransit
// envelopes on the same exchanges), batches like the service, and keeps its core guarantee: a delivery is
// acknowledged only after its answer is confirmed by the broker, so nothing is lost and a redelivery republishes the
// stored decision.
//
// Guarantees of the service's endpoint (src/Moderation.Service/Ingestion/SubmitCommentConsumer*.cs,
// src/Moderation.Service/Messaging/) that this prototype does NOT implement:
// - Retry intervals: a failed batch is returned to the queue at once (nack with requeue), with no in-process retries
//   and no pauses (MessagingOptions.RetryIntervals); while the database is down batches cycle through the broker.
// - Delivery limit and error queue: nothing ever moves to submit-comment_error with MT-Fault-* headers after
//   MessagingOptions.MaxDeliveries (x-delivery-count); a message that keeps failing is redelivered forever.
// - Per-message isolation: the service retries a failed batch one comment at a time and puts back only the comments
//   that fail on their own; here one poison comment fails its whole batch on every delivery.
// - Unreadable bodies are answered with CommentSubmissionRejected as in the service and acknowledged, but not kept in
//   submit-comment_error for inspection.
// - Oversize bodies: no 256 KB limit before deserialisation (RejectOversizeFilter); a huge body is read whole.
// - Unknown message types: an envelope whose messageType is not SubmitComment is moderated as one instead of being
//   rejected as unknown_message_type and kept in submit-comment_skipped (RejectSkippedFilter).
// - Broker connection: no waiting for the broker at start and no reconnection; a lost connection or channel stops the
//   process (its unacknowledged deliveries return to the queue) and a supervisor must start it again.
// Nor does it serve anything else the service does (HTTP API, report-comment, review, republishing of decisions).
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.LeanResponder;
using Moderation.Service.Data;
using Moderation.Service.Ingestion;
using Moderation.Service.Messaging;
using Moderation.Service.Observability;
using Moderation.Service.Scoring;
using Serilog;

LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddModerationLogging();
    builder.AddModerationMetrics();
    builder.AddModerationStorage();
    builder.AddModerationClassifier();
    builder.AddModerationIngestion();

    // Publishes through MassTransit's IPublishEndpoint, which is not here; nothing in this process uses it.
    builder.Services.RemoveAll<VerdictPublisher>();

    // Registered by AddModerationMessaging in the service, which this process leaves out with the bus.
    builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section)
        .Validate(o => o.PrefetchCount > 0, "PrefetchCount must be positive")
        .Validate(o => o.BatchSize > 0 && o.ConcurrentBatches > 0 && o.BatchTimeLimit > TimeSpan.Zero, "BatchSize, ConcurrentBatches and BatchTimeLimit must be positive")
        .ValidateOnStart();
    builder.Services.AddSingleton<LeanConsumer>();
    builder.Services.AddHostedService(sp => sp.GetRequiredService<LeanConsumer>());
    builder.Services.AddHealthChecks().AddCheck<LeanConsumer>("rabbitmq-consumer", tags: ["ready"]);

    var app = builder.Build();
    app.MapModerationHealth();
    app.MapModerationMetrics();

    await app.Services.MigrateModerationDatabaseAsync(app.Lifetime.ApplicationStopping);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The lean responder failed to start or stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
