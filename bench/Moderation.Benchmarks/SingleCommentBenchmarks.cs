using BenchmarkDotNet.Attributes;
using Moderation.Classifier;

namespace Moderation.Benchmarks;

/// <summary>Latency of scoring one comment (normalise, featurise, weight table, explanations).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SingleCommentBenchmarks
{
    private ModerationModel _model = null!;
    private Moderation.Classifier.Scoring.EngineReference _engine = null!;

    [Params("short", "typical", "long")]
    public string Length { get; set; } = "typical";

    private string _text = string.Empty;
    private NormalizedText _normalized = null!;
    private readonly Moderation.Classifier.Features.FeatureBuffer _buffer = new();

    [GlobalSetup]
    public void Setup()
    {
        _model = ModerationModel.Load(BenchmarkComments.ModelPath());
        _engine = new Moderation.Classifier.Scoring.EngineReference(BenchmarkComments.ModelPath());
        _text = Length switch
        {
            "short" => BenchmarkComments.Short,
            "long" => BenchmarkComments.Long,
            _ => BenchmarkComments.Typical,
        };
        _model.Classify(_text);
        _normalized = TextNormalizer.Normalize(_text);
    }

    [Benchmark]
    public Classification Classify() => _model.Classify(_text);

    /// <summary>The same scores from ML.NET's own prediction engine (what serving did before the weight table), for comparison.</summary>
    [Benchmark]
    public LabelScores ScoreWithMlNetEngine() => _engine.Score(_text);

    /// <summary>Only the hashed feature vector of an already normalised text (no heads).</summary>
    [Benchmark]
    public int Featurize()
    {
        _model.Featurize(_normalized, _buffer);
        return _buffer.Count;
    }

    [Benchmark]
    public NormalizedText Normalize() => TextNormalizer.Normalize(_text);

    [GlobalCleanup]
    public void Cleanup()
    {
        _model.Dispose();
        _engine.Dispose();
    }
}
