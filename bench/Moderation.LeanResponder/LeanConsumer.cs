using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Moderation.Contracts;
using Moderation.Service.Ingestion;
using Moderation.Service.Messaging;
using Moderation.Service.Observability;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Moderation.LeanResponder;

/// <summary>
/// Consumes <c>submit-comment</c> on one connection and moderates it in batches, like the service's MassTransit
/// endpoint: up to <see cref="MessagingOptions.BatchSize"/> deliveries or <see cref="MessagingOptions.BatchTimeLimit"/>
/// after the first, at most <see cref="MessagingOptions.ConcurrentBatches"/> batches at a time. A batch is one
/// <see cref="CommentIngestion"/> call, then one persistent, confirmed publish per answer, all confirms awaited
/// together; only then are its deliveries acknowledged, in delivery order (see <see cref="AckInOrderAsync"/>).
/// Ready (<c>/health/ready</c>) while it consumes.
/// </summary>
public sealed class LeanConsumer(
    IConfiguration configuration,
    IOptions<MessagingOptions> options,
    IServiceScopeFactory scopes,
    ModerationMetrics metrics,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<LeanConsumer> logger) : IHostedService, IHealthCheck, IAsyncDisposable
{
    const string Queue = SubmitCommentConsumerDefinition.QueueName;
    static readonly MassTransitJson.MessageType Submission = MassTransitJson.MessageType.Of<SubmitComment>();
    static readonly MassTransitJson.MessageType Verdict = MassTransitJson.MessageType.Of<CommentModerated>();
    static readonly MassTransitJson.MessageType Rejection = MassTransitJson.MessageType.Of<CommentSubmissionRejected>();

    readonly MessagingOptions _options = options.Value;
    readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    readonly Channel<(Task<bool> Done, ulong LastTag)> _batches = Channel.CreateUnbounded<(Task<bool>, ulong)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    // One confirmed publishing channel per batch slot: taking one is what admits a batch.
    readonly Channel<IChannel> _freePublishers = Channel.CreateUnbounded<IChannel>();
    readonly List<IChannel> _publishers = [];

    // Stopping ends batch collection; aborting cancels the pipeline of batches in flight (the shutdown timeout ran out).
    readonly CancellationTokenSource _stopping = new();
    readonly CancellationTokenSource _abort = new();
    MassTransitJson _json = null!;
    IConnection? _connection;
    IChannel? _consume;
    string? _consumerTag;
    Task _batcher = Task.CompletedTask;
    Task _acker = Task.CompletedTask;
    volatile bool _consuming;

    readonly record struct Delivery(ulong Tag, ReadOnlyMemory<byte> Body, string? ContentType);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = new Uri(configuration.GetConnectionString("RabbitMq") is { Length: > 0 } uri
            ? uri
            : throw new InvalidOperationException("ConnectionStrings:RabbitMq is required: the lean responder consumes RabbitMQ only"));
        _json = new MassTransitJson(broker, Queue);

        // No automatic recovery: delivery tags start again on a recovered channel, and this prototype does not
        // reconnect (see OnShutdownAsync).
        _connection = await new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = false }
            .CreateConnectionAsync("moderation-lean-responder", cancellationToken);
        _connection.ConnectionShutdownAsync += OnShutdownAsync;
        _consume = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        _consume.ChannelShutdownAsync += OnShutdownAsync;
        await DeclareTopologyAsync(_consume, cancellationToken);

        // The library's default rate limiter sleeps once 64 confirms are outstanding; a batch is bounded anyway.
        var confirmed = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null);
        for (var i = 0; i < _options.ConcurrentBatches; i++)
        {
            var publisher = await _connection.CreateChannelAsync(confirmed, cancellationToken);
            publisher.ChannelShutdownAsync += OnShutdownAsync;
            _publishers.Add(publisher);
            _freePublishers.Writer.TryWrite(publisher);
        }

        // MassTransit raises prefetch to at least BatchSize x ConcurrentBatches so that batches fill; so does this.
        var prefetch = (ushort)Math.Clamp(Math.Max(_options.PrefetchCount, _options.BatchSize * _options.ConcurrentBatches), 1, ushort.MaxValue);
        await _consume.BasicQosAsync(0, prefetch, global: false, cancellationToken);
        _batcher = Task.Run(CollectBatchesAsync, CancellationToken.None);
        _acker = Task.Run(AckInOrderAsync, CancellationToken.None);

        var consumer = new AsyncEventingBasicConsumer(_consume);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            // The body's memory belongs to the library only until this handler returns.
            _deliveries.Writer.TryWrite(new Delivery(delivery.DeliveryTag, delivery.Body.ToArray(), delivery.BasicProperties.ContentType));
            return Task.CompletedTask;
        };
        _consumerTag = await _consume.BasicConsumeAsync(Queue, autoAck: false, consumer, cancellationToken);
        _consuming = true;
        logger.LogInformation("Consuming {Queue} (prefetch {Prefetch}, batches of up to {BatchSize}, {ConcurrentBatches} at a time)",
            Queue, prefetch, _options.BatchSize, _options.ConcurrentBatches);
    }

    /// <summary>
    /// What MassTransit declares for the endpoint (read from a broker it configured), so that either may declare it
    /// first: the quorum queue, its fanout exchange, the <c>SubmitComment</c> message-type exchange bound to it, and
    /// the exchanges answers are published to.
    /// </summary>
    async Task DeclareTopologyAsync(IChannel channel, CancellationToken cancellationToken)
    {
        var queueArguments = _options.QuorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, queueArguments, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Queue, Queue, routingKey: "", cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Submission.Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeBindAsync(destination: Queue, source: Submission.Exchange, routingKey: "", cancellationToken: cancellationToken);
        foreach (var answer in new[] { Verdict, Rejection })
        {
            await channel.ExchangeDeclareAsync(answer.Exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Forms batches in delivery order. A batch starts only when a publishing channel (a batch slot) is free, so while
    /// both slots are busy deliveries wait here and the next batch fills at once.
    /// </summary>
    async Task CollectBatchesAsync()
    {
        var stopping = _stopping.Token;
        var deliveries = _deliveries.Reader;
        try
        {
            while (true)
            {
                var publisher = await _freePublishers.Reader.ReadAsync(stopping);
                var batch = new List<Delivery>(_options.BatchSize) { await deliveries.ReadAsync(stopping) };
                using (var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(stopping))
                {
                    timeLimit.CancelAfter(_options.BatchTimeLimit);
                    while (batch.Count < _options.BatchSize)
                    {
                        if (deliveries.TryRead(out var delivery))
                        {
                            batch.Add(delivery);
                            continue;
                        }

                        try
                        {
                            await deliveries.WaitToReadAsync(timeLimit.Token);
                        }
                        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                        {
                            break;
                        }
                    }
                }

                _batches.Writer.TryWrite((Task.Run(() => ModerateAsync(batch, publisher), CancellationToken.None), batch[^1].Tag));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // A batch being collected is dropped unacknowledged: the broker hands it out again.
        }
        finally
        {
            _batches.Writer.TryComplete();
        }
    }

    /// <summary>
    /// The service's batch: the pipeline, then every answer published and confirmed. False when anything failed, and
    /// the whole batch is then returned to the queue (the pipeline is idempotent on (SiteId, CommentId)).
    /// </summary>
    async Task<bool> ModerateAsync(List<Delivery> batch, IChannel publisher)
    {
        try
        {
            var now = time.GetUtcNow();
            var reads = new MassTransitJson.Read[batch.Count];
            var submissions = new List<SubmitComment>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                reads[i] = MassTransitJson.ReadSubmission(batch[i].Body, batch[i].ContentType, now);
                if (reads[i].Submission is { } submission)
                {
                    submissions.Add(submission);
                }
                else
                {
                    var rejection = reads[i].Rejection!;
                    metrics.Received(SiteIds.IsValid(rejection.SiteId) ? rejection.SiteId! : "invalid", SubmitCommentConsumer.Channel);
                    metrics.Invalid(SubmitCommentConsumer.Channel, rejection.Errors);
                }
            }

            IReadOnlyList<IngestionOutcome> outcomes = [];
            if (submissions.Count > 0)
            {
                await using var scope = scopes.CreateAsyncScope();
                outcomes = await scope.ServiceProvider.GetRequiredService<CommentIngestion>()
                    .IngestAsync(submissions, SubmitCommentConsumer.Channel, _abort.Token);
            }

            var publishStarted = Stopwatch.GetTimestamp();
            var confirms = new Task[batch.Count];
            var next = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var conversationId = reads[i].ConversationId ?? Guid.CreateVersion7();
                if (reads[i].Rejection is { } unreadable)
                {
                    confirms[i] = PublishAsync(publisher, unreadable, Rejection, conversationId);
                    continue;
                }

                var outcome = outcomes[next++];
                confirms[i] = outcome.Rejection is { } rejection
                    ? PublishAsync(publisher, rejection, Rejection, conversationId)
                    : PublishAsync(publisher, outcome.Verdict!, Verdict, conversationId);
            }

            await Task.WhenAll(confirms);
            metrics.StageTook(ModerationMetrics.Stage.Publish, Stopwatch.GetElapsedTime(publishStarted));
            var published = time.GetUtcNow();
            foreach (var outcome in outcomes)
            {
                if (outcome.Verdict is { } verdict)
                {
                    metrics.Published(verdict, published);
                }
            }

            return true;
        }
        catch (Exception ex)
        {
            if (!_abort.IsCancellationRequested)
            {
                logger.LogError(ex, "A batch of {Count} comments failed; returning it to the queue", batch.Count);
            }

            return false;
        }
        finally
        {
            _freePublishers.Writer.TryWrite(publisher);
        }
    }

    /// <summary>Publishes without waiting: the task completes when the broker confirms.</summary>
    Task PublishAsync<T>(IChannel publisher, T message, MassTransitJson.MessageType type, Guid conversationId)
    {
        var messageId = Guid.CreateVersion7();
        var properties = new BasicProperties { Persistent = true, ContentType = MassTransitJson.EnvelopeContentType, MessageId = messageId.ToString() };
        return publisher.BasicPublishAsync(type.Exchange, routingKey: "", mandatory: false, properties, _json.Envelope(message, type, messageId, conversationId), _abort.Token).AsTask();
    }

    /// <summary>
    /// Acknowledges batches in the order they were formed, with one <c>multiple</c> ack for every run of finished
    /// ones. Two batches are in flight and the second may finish first; acking its last tag with <c>multiple</c> then
    /// would also ack the first batch before its answers are out. A failed batch is returned to the queue with one
    /// <c>multiple</c> nack, which reaches only its own deliveries since every earlier one is settled by then.
    /// </summary>
    async Task AckInOrderAsync()
    {
        var batches = _batches.Reader;
        var channel = _consume!;
        ulong confirmed = 0;
        try
        {
            while (await batches.WaitToReadAsync())
            {
                while (batches.TryRead(out var batch))
                {
                    if (await batch.Done)
                    {
                        confirmed = batch.LastTag;
                        if (!batches.TryPeek(out var next) || !next.Done.IsCompleted)
                        {
                            await channel.BasicAckAsync(confirmed, multiple: true);
                            confirmed = 0;
                        }

                        continue;
                    }

                    if (confirmed != 0)
                    {
                        await channel.BasicAckAsync(confirmed, multiple: true);
                        confirmed = 0;
                    }

                    await channel.BasicNackAsync(batch.LastTag, multiple: true, requeue: true);
                }
            }
        }
        catch (AlreadyClosedException)
        {
            // The channel is gone, and with it every unacknowledged delivery: the broker hands them out again.
        }
    }

    /// <summary>Without the broker nothing can be moderated; this prototype stops and leaves restarting to a supervisor.</summary>
    Task OnShutdownAsync(object sender, ShutdownEventArgs reason)
    {
        if (_consuming && !_stopping.IsCancellationRequested)
        {
            _consuming = false;
            logger.LogError("Lost the broker ({Reason}); stopping, since this prototype does not reconnect", reason.ReplyText);
            lifetime.StopApplication();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops taking deliveries, lets the batches in flight finish and get acknowledged (cancelling their pipeline if
    /// the host's shutdown timeout runs out), and closes. Deliveries not yet in a batch go back to the queue.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _consuming = false;
        if (_consume is { IsOpen: true } && _consumerTag is not null)
        {
            await _consume.BasicCancelAsync(_consumerTag, noWait: false, cancellationToken);
        }

        await _stopping.CancelAsync();
        await using (cancellationToken.Register(_abort.Cancel))
        {
            await _batcher;
            await _acker;
        }

        if (_connection is { IsOpen: true })
        {
            await _connection.CloseAsync(cancellationToken);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_consuming ? HealthCheckResult.Healthy($"consuming {Queue}") : HealthCheckResult.Unhealthy($"not consuming {Queue}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var publisher in _publishers)
        {
            await publisher.DisposeAsync();
        }

        if (_consume is not null)
        {
            await _consume.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _stopping.Dispose();
        _abort.Dispose();
    }
}
