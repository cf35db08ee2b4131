using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Moderation.IntegrationTests;

/// <summary>
/// A plain AMQP client (RabbitMQ.Client, no MassTransit), as an article site in any language would use: publishes
/// raw JSON to the <c>submit-comment</c> queue and listens to the service's event exchanges.
/// </summary>
public sealed class AmqpTestClient : IAsyncDisposable
{
    public const string VerdictExchange = "Moderation.Contracts:CommentModerated";
    public const string RejectionExchange = "Moderation.Contracts:CommentSubmissionRejected";

    readonly IConnection _connection;
    readonly IChannel _publisher;
    readonly IChannel _listener;
    readonly ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> _received = new();

    AmqpTestClient(IConnection connection, IChannel publisher, IChannel listener)
    {
        _connection = connection;
        _publisher = publisher;
        _listener = listener;
    }

    public static async Task<AmqpTestClient> ConnectAsync(Uri uri)
    {
        var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync("integration-tests");
        var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var listener = await connection.CreateChannelAsync();
        var client = new AmqpTestClient(connection, publisher, listener);
        await client.ListenAsync(VerdictExchange);
        await client.ListenAsync(RejectionExchange);
        return client;
    }

    /// <summary>Publishes a body as a persistent message to the <c>submit-comment</c> queue and waits for the broker's confirm.</summary>
    public async Task PublishAsync(ReadOnlyMemory<byte> body, string? contentType = "application/json")
    {
        var properties = new BasicProperties { Persistent = true, ContentType = contentType, MessageId = Guid.NewGuid().ToString() };
        await _publisher.BasicPublishAsync(exchange: "", routingKey: "submit-comment", mandatory: true, basicProperties: properties, body: body);
    }

    public Task PublishJsonAsync(object message) => PublishAsync(JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Web));

    /// <summary>The messages received from an exchange so far (MassTransit envelopes unwrapped).</summary>
    public IReadOnlyList<JsonElement> Received(string exchange) => _received.TryGetValue(exchange, out var queue) ? queue.ToList() : [];

    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(string exchange, Func<JsonElement, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Received(exchange).Where(match).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(25);
        }
    }

    async Task ListenAsync(string exchange)
    {
        // Declared the way MassTransit declares its publish exchanges, so either side may create it first.
        await _listener.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await _listener.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        await _listener.QueueBindAsync(queue.QueueName, exchange, routingKey: "");
        var consumer = new AsyncEventingBasicConsumer(_listener);
        var received = _received.GetOrAdd(exchange, _ => new ConcurrentQueue<JsonElement>());
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var document = JsonDocument.Parse(delivery.Body);
            var root = document.RootElement;
            var message = root.TryGetProperty("message", out var inner) ? inner : root;
            received.Enqueue(message.Clone());
            return Task.CompletedTask;
        };
        await _listener.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
    }

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _listener.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
