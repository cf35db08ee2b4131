using System.Runtime.Serialization;
using System.Text.Json;
using MassTransit;
using MassTransit.Middleware;

namespace Moderation.Service.Messaging;

/// <summary>
/// Decides what happens to a message whose consumer failed for good (after the in-process retries):
/// <list type="bullet">
/// <item>bad input (an optional check, e.g. a body that is not a submission): handled, then moved to the error queue;</item>
/// <item>a transient failure (database down, shutdown in progress): returned to the queue, so another delivery, on
/// this replica or another, tries again once things recover — up to <see cref="MessagingOptions.MaxDeliveries"/>;</item>
/// <item>anything still failing after that: moved to the <c>_error</c> queue for an operator. Nothing is dropped.</item>
/// </list>
/// </summary>
public sealed class RedeliverOrMoveFilter(int maxDeliveries, Func<ExceptionReceiveContext, Task<bool>>? handleBadInput = null) : IFilter<ExceptionReceiveContext>
{
    static readonly IPipe<ExceptionReceiveContext> MoveToErrorQueue = Pipe.New<ExceptionReceiveContext>(pipe =>
    {
        pipe.UseFilter(new GenerateFaultFilter());
        pipe.UseFilter(new ErrorTransportFilter());
    });

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var badInput = (handleBadInput is not null && await handleBadInput(context)) || IsSerializationProblem(context.Exception);
        if (!badInput && (context.CancellationToken.IsCancellationRequested || Deliveries(context) < maxDeliveries))
        {
            // Rethrowing lets the transport reject the delivery with requeue.
            if (!context.IsFaulted)
            {
                await context.NotifyFaulted(context.Exception);
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(context.Exception).Throw();
        }

        await MoveToErrorQueue.Send(context);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("redeliverOrMove");

    /// <summary>
    /// How many times the broker has delivered the message: quorum queues count it in <c>x-delivery-count</c>; on a
    /// classic queue only "redelivered or not" is known, so a message gets one more chance there.
    /// </summary>
    static long Deliveries(ExceptionReceiveContext context)
    {
        if (context.TransportHeaders.TryGetHeader("x-delivery-count", out var value) && value is not null
            && long.TryParse(value.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            return count + 1;
        }

        return context.Redelivered ? long.MaxValue : 1;
    }

    static bool IsSerializationProblem(Exception exception) =>
        exception is SerializationException or JsonException
        || (exception.InnerException is { } inner && IsSerializationProblem(inner));
}
