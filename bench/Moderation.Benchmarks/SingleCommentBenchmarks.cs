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
    }

    [Benchmark]
    public Classification Classify() => _model.Classify(_text);

    /// <summary>The same scores computed from the heads' weights without the ML.NET engine, for comparison.</summary>
    [Benchmark]
    public LabelScores ScoreWithLinearWeights() => _model.ScoreDirect(_text);

    [Benchmark]
    public NormalizedText Normalize() => TextNormalizer.Normalize(_text);

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();
}
