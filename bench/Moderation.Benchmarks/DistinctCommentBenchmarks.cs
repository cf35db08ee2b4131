using BenchmarkDotNet.Attributes;
using Moderation.Classifier;
using Moderation.Classifier.Scoring;

namespace Moderation.Benchmarks;

/// <summary>
/// Scoring a stream of 20,000 different comments one at a time, as the service does. Unlike the single-comment
/// benchmarks, which repeat one text (so every table entry it reads stays in the CPU caches), each comment here
/// reads table entries the previous ones did not: what a feature costs is then mostly cache misses. Compares the
/// served path (one interleaved weight table) with ML.NET's prediction engine on the same stream.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DistinctCommentBenchmarks
{
    public const int Comments = 20_000;

    private ModerationModel _model = null!;
    private EngineReference _engine = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = ModerationModel.Load(BenchmarkComments.ModelPath());
        _engine = new EngineReference(BenchmarkComments.ModelPath());
        _texts = BenchmarkComments.Distinct(Comments, seed: 11);
        foreach (var text in _texts.Take(100))
        {
            _model.Classify(text);
            _engine.Score(text);
        }
    }

    [Benchmark(OperationsPerInvoke = Comments)]
    public int Classify()
    {
        var flagged = 0;
        foreach (var text in _texts)
        {
            flagged += _model.Classify(text).Scores.Spam > 0.5f ? 1 : 0;
        }

        return flagged;
    }

    [Benchmark(OperationsPerInvoke = Comments)]
    public int ScoreWithMlNetEngine()
    {
        var flagged = 0;
        foreach (var text in _texts)
        {
            flagged += _engine.Score(text).Spam > 0.5f ? 1 : 0;
        }

        return flagged;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        _engine.Dispose();
    }
}
