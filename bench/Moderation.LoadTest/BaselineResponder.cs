using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Moderation.LoadTest;

/// <summary>
/// The cheapest safe responder on plain RabbitMQ.Client, the yardstick of the service: consumes a quorum queue like
/// <c>submit-comment</c> (manual acks, prefetch), parses each comment and publishes a verdict-shaped reply
/// (persistent, publisher confirms pipelined, no rate limiter), and acknowledges deliveries with <c>multiple</c> once
/// their replies are confirmed. Nothing is lost if it dies: unacknowledged deliveries return to the queue.
/// </summary>
public sealed class BaselineResponder : IAsyncDisposable
{
    readonly IConnection _connection;
    readonly IChannel _consume;
    readonly IChannel _publish;
    readonly Channel<(Task Confirm, ulong DeliveryTag)> _inFlight = System.Threading.Channels.Channel.CreateUnbounded<(Task, ulong)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    readonly Task _acker;
    readonly string _replyQueue;

    BaselineResponder(IConnection connection, IChannel consume, IChannel publish, string replyQueue)
    {
        _connection = connection;
        _consume = consume;
        _publish = publish;
        _replyQueue = replyQueue;
        _acker = Task.Run(AckConfirmedAsync);
    }

    public static async Task<BaselineResponder> StartAsync(Uri broker, string requestQueue, string replyQueue, ushort prefetch)
    {
        var connection = await Amqp.ConnectAsync(broker, "baseline-responder");
        var consume = await connection.CreateChannelAsync();
        var publish = await connection.CreateChannelAsync(Amqp.ConfirmedChannel());
        await consume.QueueDeclareAsync(requestQueue, durable: true, exclusive: false, autoDelete: false, arguments: Amqp.QuorumQueue());
        await consume.BasicQosAsync(0, prefetch, false);
        var responder = new BaselineResponder(connection, consume, publish, replyQueue);
        var consumer = new AsyncEventingBasicConsumer(consume);
        consumer.ReceivedAsync += responder.OnDeliveryAsync;
        await consume.BasicConsumeAsync(requestQueue, autoAck: false, consumer);
        return responder;
    }

    async Task OnDeliveryAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var reply = Reply(delivery.Body.Span);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        // Not awaited here: the confirm is awaited in order by the acker, so publishes stay pipelined.
        var confirm = _publish.BasicPublishAsync("", _replyQueue, mandatory: false, properties, reply).AsTask();
        await _inFlight.Writer.WriteAsync((confirm, delivery.DeliveryTag));
    }

    /// <summary>
    /// Awaits confirms in delivery order and acks the highest confirmed delivery with <c>multiple</c> whenever no
    /// further confirm is ready yet: one ack covers a whole burst.
    /// </summary>
    async Task AckConfirmedAsync()
    {
        var reader = _inFlight.Reader;
        ulong confirmedTag = 0;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
            {
                try
                {
                    await item.Confirm;
                    confirmedTag = item.DeliveryTag;
                }
                catch (Exception)
                {
                    if (confirmedTag != 0)
                    {
                        await _consume.BasicAckAsync(confirmedTag, multiple: true);
                        confirmedTag = 0;
                    }

                    // The reply was not confirmed: the request goes back to the queue and is answered again.
                    await _consume.BasicNackAsync(item.DeliveryTag, multiple: false, requeue: true);
                    continue;
                }

                if (!reader.TryPeek(out var next) || !next.Confirm.IsCompleted)
                {
                    await _consume.BasicAckAsync(confirmedTag, multiple: true);
                    confirmedTag = 0;
                }
            }
        }
    }

    /// <summary>A verdict-shaped reply: the comment's ids and text echoed with scores, as a lean service would send.</summary>
    static ReadOnlyMemory<byte> Reply(ReadOnlySpan<byte> request)
    {
        using var document = JsonDocument.Parse(request.ToArray());
        var root = document.RootElement;
        var buffer = new ArrayBufferWriter<byte>(request.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in new[] { "commentId", "siteId", "articleId", "parentCommentId", "authorName", "text" })
            {
                if (root.TryGetProperty(name, out var value))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteString("status", "Approved");
            writer.WriteStartObject("scores");
            writer.WriteNumber("spam", 0.0123);
            writer.WriteNumber("abuse", 0.0311);
            writer.WriteNumber("hate", 0.0087);
            writer.WriteEndObject();
            writer.WriteStartArray("reasons");
            writer.WriteEndArray();
            writer.WriteString("decidedBy", "system");
            writer.WriteString("modelVersion", "sha256:0000000000000000000000000000000000000000000000000000000000000000");
            writer.WriteNumber("revision", 1);
            writer.WriteString("decidedAt", DateTimeOffset.UtcNow);
            if (root.TryGetProperty("submittedAt", out var submittedAt))
            {
                writer.WritePropertyName("submittedAt");
                submittedAt.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    public async ValueTask DisposeAsync()
    {
        // Every request has been answered by now: no delivery writes after this.
        _inFlight.Writer.TryComplete();
        await _acker.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        await _publish.DisposeAsync();
        await _consume.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
