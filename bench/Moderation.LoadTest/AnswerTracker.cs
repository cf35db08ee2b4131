using System.Diagnostics;
using System.Text.Json;

namespace Moderation.LoadTest;

/// <summary>
/// Keeps, per generated comment, when it was sent and which answers came back: <c>CommentModerated</c> revision 1
/// (counted, so duplicates show) or <c>CommentSubmissionRejected</c>. Answers without a comment id of this run (a
/// rejection of an unreadable body) are only counted.
/// </summary>
public sealed class AnswerTracker
{
    readonly string _runId;
    readonly long[] _sentAt;
    readonly long[] _answeredAt;
    readonly int[] _verdicts;
    readonly int[] _rejections;
    int _answeredIndexes;
    long _otherRejections;
    long _otherVerdicts;
    long _answerBytes;
    long _answerCount;
    long _lastAnswerAt;
    readonly TaskCompletionSource _allAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AnswerTracker(string runId, int count)
    {
        _runId = runId;
        _sentAt = new long[count];
        _answeredAt = new long[count];
        _verdicts = new int[count];
        _rejections = new int[count];
        if (count == 0)
        {
            _allAnswered.SetResult();
        }
    }

    public int Count => _sentAt.Length;

    public string RunId => _runId;

    public int Answered => Volatile.Read(ref _answeredIndexes);

    public Task AllAnswered => _allAnswered.Task;

    public long OtherRejections => Interlocked.Read(ref _otherRejections);

    public long OtherVerdicts => Interlocked.Read(ref _otherVerdicts);

    public long LastAnswerAt => Interlocked.Read(ref _lastAnswerAt);

    public double AverageAnswerBytes => _answerCount == 0 ? 0 : (double)_answerBytes / _answerCount;

    public void MarkSent(int index, long timestamp) => _sentAt[index] = timestamp;

    public long SentAt(int index) => _sentAt[index];

    /// <summary>Handles one message of the answers queue.</summary>
    public void OnAnswer(ReadOnlySpan<byte> body, bool isRejection)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _answerBytes, body.Length);
        Interlocked.Increment(ref _answerCount);
        var (commentId, revision) = Read(body);
        if (commentId is null || !CommentGenerator.TryParseIndex(commentId, _runId, out var index) || (uint)index >= (uint)_sentAt.Length)
        {
            Interlocked.Increment(ref isRejection ? ref _otherRejections : ref _otherVerdicts);
            return;
        }

        if (!isRejection && revision != 1)
        {
            return;
        }

        var first = Interlocked.Increment(ref isRejection ? ref _rejections[index] : ref _verdicts[index]) == 1
            && Volatile.Read(ref isRejection ? ref _verdicts[index] : ref _rejections[index]) == 0;
        if (first && Interlocked.CompareExchange(ref _answeredAt[index], now, 0) == 0)
        {
            Interlocked.Exchange(ref _lastAnswerAt, now);
            if (Interlocked.Increment(ref _answeredIndexes) == _sentAt.Length)
            {
                _allAnswered.TrySetResult();
            }
        }
    }

    /// <summary>Finds the comment id and revision, inside a MassTransit envelope (<c>message</c>) or at the top.</summary>
    static (string? CommentId, int Revision) Read(ReadOnlySpan<byte> body)
    {
        string? commentId = null;
        var revision = 1;
        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth > 2)
                {
                    continue;
                }

                if (commentId is null && reader.ValueTextEquals("commentId"u8))
                {
                    reader.Read();
                    commentId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("revision"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number)
                    {
                        revision = reader.GetInt32();
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return (commentId, revision);
    }

    public PhaseResult Summarise(string name, long firstSentAt)
    {
        var latencies = new List<double>(_sentAt.Length);
        int lost = 0, duplicated = 0, rejected = 0;
        for (var i = 0; i < _sentAt.Length; i++)
        {
            if (_answeredAt[i] == 0)
            {
                lost++;
                continue;
            }

            if (_verdicts[i] > 1)
            {
                duplicated++;
            }

            if (_rejections[i] > 0)
            {
                rejected++;
            }

            latencies.Add(Stopwatch.GetElapsedTime(_sentAt[i], _answeredAt[i]).TotalMilliseconds);
        }

        latencies.Sort();
        var last = LastAnswerAt;
        var seconds = last == 0 ? 0 : Stopwatch.GetElapsedTime(firstSentAt, last).TotalSeconds;
        return new PhaseResult(
            name, _sentAt.Length, _sentAt.Length - lost, lost, duplicated, rejected,
            seconds > 0 ? (_sentAt.Length - lost) / seconds : 0,
            Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), latencies.Count == 0 ? 0 : latencies[^1],
            AverageAnswerBytes);
    }

    /// <summary>Latencies (ms) of the comments sent in a time window, for the soak's per-minute figures.</summary>
    public List<double> LatenciesSentBetween(long from, long to)
    {
        var latencies = new List<double>();
        for (var i = 0; i < _sentAt.Length; i++)
        {
            if (_sentAt[i] >= from && _sentAt[i] < to && _answeredAt[i] != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(_sentAt[i], _answeredAt[i]).TotalMilliseconds);
            }
        }

        latencies.Sort();
        return latencies;
    }

    public IEnumerable<int> Unanswered() => Enumerable.Range(0, _sentAt.Length).Where(i => _answeredAt[i] == 0);

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>The figures of one phase (the service, or the raw baseline).</summary>
public sealed record PhaseResult(
    string Name, int Sent, int Answered, int Lost, int Duplicated, int Rejected, double Throughput,
    double P50, double P90, double P99, double Max, double AverageAnswerBytes);
