using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Moderation.LoadTest;

/// <summary>AMQP plumbing shared by the load phases: connections, the answers queue, the site-side publisher.</summary>
public static class Amqp
{
    public const string VerdictExchange = "Moderation.Contracts:CommentModerated";
    public const string RejectionExchange = "Moderation.Contracts:CommentSubmissionRejected";

    public static Task<IConnection> ConnectAsync(Uri uri, string name) => new ConnectionFactory
    {
        Uri = uri,
        AutomaticRecoveryEnabled = true,
        TopologyRecoveryEnabled = true,
        NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
        RequestedHeartbeat = TimeSpan.FromSeconds(10),
    }.CreateConnectionAsync(name);

    /// <summary>
    /// Publisher confirms tracked by the library, without its rate limiter: the default ThrottlingRateLimiter sleeps
    /// up to a second per publish once half of its 128 slots are in use. The caller bounds the outstanding confirms.
    /// </summary>
    public static CreateChannelOptions ConfirmedChannel() => new(
        publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null);

    public static Dictionary<string, object?> QuorumQueue() => new() { ["x-queue-type"] = "quorum" };
}

/// <summary>
/// Listens on a durable quorum queue for answers (bound to the service's event exchanges, or the baseline's reply
/// queue), so no answer is lost while the broker restarts, and feeds them to the tracker.
/// </summary>
public sealed class AnswerListener : IAsyncDisposable
{
    readonly IConnection _connection;
    readonly IChannel _channel;
    AnswerTracker? _tracker;

    AnswerListener(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        Queue = queue;
    }

    public string Queue { get; }

    public static async Task<AnswerListener> StartAsync(Uri broker, string queue, bool bindServiceExchanges)
    {
        var connection = await Amqp.ConnectAsync(broker, "loadtest-answers");
        var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Amqp.QuorumQueue());
        await channel.QueuePurgeAsync(queue);
        if (bindServiceExchanges)
        {
            // Declared the way MassTransit declares its publish exchanges, so either side may create them first.
            foreach (var exchange in new[] { Amqp.VerdictExchange, Amqp.RejectionExchange })
            {
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
                await channel.QueueBindAsync(queue, exchange, routingKey: "");
            }
        }

        await channel.BasicQosAsync(0, 2000, false);
        var listener = new AnswerListener(connection, channel, queue);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            listener._tracker?.OnAnswer(delivery.Body.Span, delivery.Exchange == Amqp.RejectionExchange);
            // One ack for every 50 deliveries: the prefetch window (2000) never fills, and acks cost little.
            if (delivery.DeliveryTag % 50 == 0)
            {
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: true);
            }
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        return listener;
    }

    public void Track(AnswerTracker tracker) => _tracker = tracker;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.QueueDeleteAsync(Queue);
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException)
        {
        }

        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>
/// Publishes like a careful article site: persistent messages, publisher confirms (pipelined, up to a window),
/// and a retry of any publish that was not confirmed (broker restart), so the site side is at-least-once too.
/// </summary>
public sealed class SitePublisher : IAsyncDisposable
{
    readonly IConnection _connection;
    readonly IChannel _channel;
    readonly SemaphoreSlim _window;
    long _republished;
    long _outstanding;

    SitePublisher(IConnection connection, IChannel channel, int window)
    {
        _connection = connection;
        _channel = channel;
        _window = new SemaphoreSlim(window, window);
    }

    public long Republished => Interlocked.Read(ref _republished);

    public static async Task<SitePublisher> ConnectAsync(Uri broker, int window)
    {
        var connection = await Amqp.ConnectAsync(broker, "loadtest-site");
        var channel = await connection.CreateChannelAsync(Amqp.ConfirmedChannel());
        return new SitePublisher(connection, channel, window);
    }

    public async Task DeclareQueueAsync(string queue)
    {
        await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: Amqp.QuorumQueue());
    }

    /// <summary>
    /// Publishes <paramref name="count"/> bodies at <paramref name="rate"/> per second (0: as fast as the confirm window
    /// allows). Latency starts at the scheduled send time, so a publisher that falls behind does not hide queueing.
    /// </summary>
    public async Task RunAsync(string routingKey, int count, double rate, Func<int, byte[]> body, AnswerTracker tracker, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var ticksPerMessage = rate > 0 ? Stopwatch.Frequency / rate : 0;
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long sentAt;
            if (rate > 0)
            {
                var due = start + (long)(i * ticksPerMessage);
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > Stopwatch.Frequency / 500)
                {
                    await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency), cancellationToken);
                }

                sentAt = due;
            }
            else
            {
                sentAt = Stopwatch.GetTimestamp();
            }

            var bytes = body(i);
            await _window.WaitAsync(cancellationToken);
            tracker.MarkSent(i, rate > 0 ? sentAt : Stopwatch.GetTimestamp());
            pending.Add(PublishOneAsync(routingKey, bytes, cancellationToken));
            if (pending.Count >= 4096)
            {
                pending.RemoveAll(t => t.IsCompletedSuccessfully);
            }
        }

        await Task.WhenAll(pending);
    }

    /// <summary>Publishes one body and waits for its confirm, retrying until it is confirmed.</summary>
    public async Task PublishOneAsync(string routingKey, ReadOnlyMemory<byte> body, CancellationToken cancellationToken, string? contentType = "application/json")
    {
        Interlocked.Increment(ref _outstanding);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var properties = new BasicProperties { Persistent = true, ContentType = contentType };
                    await _channel.BasicPublishAsync("", routingKey, mandatory: false, properties, body, cancellationToken);
                    return;
                }
                catch (Exception ex) when (ex is AlreadyClosedException or PublishException or OperationInterruptedException or IOException or ObjectDisposedException
                                           && !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _republished);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), cancellationToken);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
            _window.Release();
        }
    }

    /// <summary>Acquires a window slot for a <see cref="PublishOneAsync"/> call made outside <see cref="RunAsync"/>.</summary>
    public Task AcquireAsync(CancellationToken cancellationToken) => _window.WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _window.Dispose();
    }
}
