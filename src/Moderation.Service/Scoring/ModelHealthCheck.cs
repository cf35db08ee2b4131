using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moderation.Classifier;

namespace Moderation.Service.Scoring;

/// <summary>Ready once the model is loaded; reports its version.</summary>
public sealed class ModelHealthCheck(CommentClassifier classifier) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var model = classifier.Current;
        return Task.FromResult(HealthCheckResult.Healthy($"model {model.Version}", new Dictionary<string, object> { ["version"] = model.Version }));
    }
}
