using System.Buffers;
using System.Reflection;
using System.Text.Json;
using MassTransit.Serialization;
using Moderation.Contracts;
using Moderation.Service.Ingestion;
using Moderation.Service.Messaging;

namespace Moderation.LeanResponder;

/// <summary>
/// Reads submissions and writes answers byte for byte the way the service's MassTransit endpoint does, so sites and
/// the load tool cannot tell the two apart: plain JSON or a MassTransit envelope in (chosen by content type, as
/// MassTransit does), envelopes out. The JSON settings are MassTransit's own, with the service's lenient contracts
/// (a missing required field reaches the validator), exactly as the service configures its bus.
/// </summary>
public sealed class MassTransitJson
{
    public const string EnvelopeContentType = "application/vnd.masstransit+json";

    static readonly JsonSerializerOptions Options = MessagingExtensions.LenientContracts(SystemTextJsonMessageSerializer.Options);

    readonly string _sourceAddress;
    readonly string _busAddress;
    readonly byte[] _host = HostInfo();

    /// <param name="broker">The broker URI with its virtual host, as in <c>ConnectionStrings:RabbitMq</c>.</param>
    /// <param name="inputQueue">The queue answers are sent from (MassTransit's <c>sourceAddress</c>).</param>
    public MassTransitJson(Uri broker, string inputQueue)
    {
        var virtualHost = Uri.UnescapeDataString(broker.AbsolutePath.Trim('/'));
        _busAddress = $"rabbitmq://{broker.Host}:{broker.Port}/{(virtualHost is "" or "/" ? "" : virtualHost + "/")}";
        _sourceAddress = _busAddress + inputQueue;
    }

    /// <summary>A published message type: its exchange (MassTransit's name for it) and its <c>messageType</c> URN.</summary>
    public sealed record MessageType(string Exchange, string Urn)
    {
        public static MessageType Of<T>() => new($"{typeof(T).Namespace}:{typeof(T).Name}", $"urn:message:{typeof(T).Namespace}:{typeof(T).Name}");
    }

    /// <summary>
    /// What a delivery holds: a submission (with the conversation its envelope belongs to, if any) or, when the body
    /// cannot be read as one, the rejection the service would send for it.
    /// </summary>
    public readonly record struct Read(SubmitComment? Submission, Guid? ConversationId, CommentSubmissionRejected? Rejection);

    public static Read ReadSubmission(ReadOnlyMemory<byte> body, string? contentType, DateTimeOffset now)
    {
        try
        {
            if (contentType == EnvelopeContentType)
            {
                var envelope = JsonSerializer.Deserialize<ReceivedEnvelope>(body.Span, Options);
                if (envelope?.Message is { } message)
                {
                    return new Read(message, envelope.ConversationId, null);
                }
            }
            else if (JsonSerializer.Deserialize<SubmitComment>(body.Span, Options) is { } submission)
            {
                return new Read(submission, null, null);
            }
        }
        catch (JsonException)
        {
            // Wrong types or not JSON at all: the lenient reader below says exactly what is wrong.
        }

        var read = SubmissionReader.Read(body);
        return read.IsValid ? new Read(read.Submission, null, null) : new Read(null, null, read.ToRejection(now));
    }

    /// <summary>The envelope MassTransit would publish <paramref name="message"/> in, from the input queue.</summary>
    public ReadOnlyMemory<byte> Envelope<T>(T message, MessageType type, Guid messageId, Guid conversationId)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("messageId", messageId);
            writer.WriteNull("requestId");
            writer.WriteNull("correlationId");
            writer.WriteString("conversationId", conversationId);
            writer.WriteNull("initiatorId");
            writer.WriteString("sourceAddress", _sourceAddress);
            writer.WriteString("destinationAddress", _busAddress + type.Exchange);
            writer.WriteNull("responseAddress");
            writer.WriteNull("faultAddress");
            writer.WriteStartArray("messageType");
            writer.WriteStringValue(type.Urn);
            writer.WriteEndArray();
            writer.WritePropertyName("message");
            JsonSerializer.Serialize(writer, message, Options);
            writer.WriteNull("expirationTime");
            writer.WriteString("sentTime", DateTime.UtcNow);
            writer.WriteStartObject("headers");
            writer.WriteEndObject();
            writer.WritePropertyName("host");
            writer.WriteRawValue(_host, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    sealed record ReceivedEnvelope(Guid? ConversationId, SubmitComment? Message);

    // MassTransit's host block, fixed for the process; it names no MassTransit version since none is running.
    static byte[] HostInfo()
    {
        var assembly = Assembly.GetEntryAssembly()?.GetName();
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            machineName = Environment.MachineName,
            processName = assembly?.Name,
            processId = Environment.ProcessId,
            assembly = assembly?.Name,
            assemblyVersion = assembly?.Version?.ToString(),
            frameworkVersion = Environment.Version.ToString(),
            operatingSystemVersion = Environment.OSVersion.ToString(),
        }, Options);
    }
}
