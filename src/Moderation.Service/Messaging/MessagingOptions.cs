namespace Moderation.Service.Messaging;

/// <summary>
/// The bus. RabbitMQ when <c>ConnectionStrings:RabbitMq</c> is set (<c>amqp://user:password@host:5672/vhost</c>),
/// otherwise MassTransit's in-memory transport (the embedded default: HTTP ingestion only).
/// <code>
/// "Moderation": { "Messaging": { "PrefetchCount": 64, "ConcurrentMessageLimit": 32, "QuorumQueues": true,
///                                "RetryIntervals": [ "00:00:00.5", "00:00:02", "00:00:05" ] } }
/// </code>
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Moderation:Messaging";

    /// <summary>Messages RabbitMQ hands the service before acknowledgements.</summary>
    public int PrefetchCount { get; set; } = 64;

    /// <summary>Messages consumed at the same time per replica.</summary>
    public int ConcurrentMessageLimit { get; set; } = 32;

    /// <summary>
    /// Most comments moderated together: one batch costs a few database round trips and one burst of confirmed
    /// publishes, whatever its size. Prefetch and the concurrent message limit are raised to at least
    /// <see cref="BatchSize"/> × <see cref="ConcurrentBatches"/>.
    /// </summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Longest wait for a batch to fill after its first comment: at low rates this is what a comment may wait for
    /// company, so it bounds the latency batching adds.
    /// </summary>
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Batches moderated at the same time per replica (one scores while another waits for the database).</summary>
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>
    /// Declare queues as quorum queues (replicated, and faster than classic queues with cheap fsync). RabbitMQ cannot
    /// change the type of an existing queue: choose once per broker.
    /// </summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>
    /// Deliveries of a message that keeps failing for a transient reason (each delivery with all its retries) before
    /// it goes to the error queue. Counted by quorum queues; classic queues allow one redelivery.
    /// </summary>
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>
    /// Pauses between retries of a transient failure (database down). After the last one the message goes to
    /// <c>submit-comment_error</c>. Unset means <see cref="DefaultRetryIntervals"/>, which ride out about two minutes.
    /// </summary>
    public List<TimeSpan>? RetryIntervals { get; set; }

    public static IReadOnlyList<TimeSpan> DefaultRetryIntervals { get; } =
    [
        TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5),
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60),
    ];

    // The configuration binder appends to a list that already has items, so defaults live apart from the bound list.
    public IReadOnlyList<TimeSpan> EffectiveRetryIntervals => RetryIntervals is { Count: > 0 } configured ? configured : DefaultRetryIntervals;
}
