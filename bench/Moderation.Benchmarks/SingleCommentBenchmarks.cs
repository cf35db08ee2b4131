using BenchmarkDotNet.Attributes;
using Moderation.Classifier;

namespace Moderation.Benchmarks;

/// <summary>Latency of scoring one comment (normalise, featurise, pooled engine, explanations).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SingleCommentBenchmarks
{
    private ModerationModel _model = null!;

    [Params("short", "typical", "long")]
    public string Length { get; set; } = "typical";

    private string _text = string.Empty;
    private NormalizedText _normalized = null!;
    private readonly Moderation.Classifier.Features.FeatureBuffer _buffer = new();

    [GlobalSetup]
    public void Setup()
    {
        _model = ModerationModel.Load(BenchmarkComments.ModelPath());
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

    /// <summary>The same scores computed from the heads' weights without the ML.NET engine, for comparison.</summary>
    [Benchmark]
    public LabelScores ScoreWithLinearWeights() => _model.ScoreDirect(_text);

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
    public void Cleanup() => _model.Dispose();
}
