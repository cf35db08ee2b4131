using BenchmarkDotNet.Attributes;
using Moderation.Classifier;

namespace Moderation.Benchmarks;

/// <summary>Throughput of <see cref="ModerationModel.ClassifyBatch(System.Collections.Generic.IReadOnlyList{string})"/> on 10,000 mixed comments (all cores).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class BatchBenchmarks
{
    public const int Comments = 10_000;

    private ModerationModel _model = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = ModerationModel.Load(BenchmarkComments.ModelPath());
        var pool = new[] { BenchmarkComments.Short, BenchmarkComments.Typical, BenchmarkComments.Long, "setuju, semoga aman", "cek promo di contoh.xyz sekarang" };

        // Mostly short and typical comments, as on a news site; a number keeps them distinct.
        _texts = Enumerable.Range(0, Comments).Select(i => $"{pool[(i * 7) % pool.Length]} {i}").ToArray();
        _model.ClassifyBatch(_texts);
    }

    [Benchmark(OperationsPerInvoke = Comments)]
    public IReadOnlyList<Classification> ClassifyBatch() => _model.ClassifyBatch(_texts);

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();
}
