using Microsoft.Extensions.Options;
using Moderation.Classifier;

namespace Moderation.Service.Scoring;

public static class ScoringExtensions
{
    /// <summary>Registers the one <see cref="CommentClassifier"/> of the process and its readiness check.</summary>
    public static IHostApplicationBuilder AddModerationClassifier(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section)
            .Validate(o => File.Exists(o.ResolvePath()), "Moderation:Model:Path does not point to a model file")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ModelOptions>>().Value;
            return new CommentClassifier(options.ResolvePath(), options.Watch, sp.GetRequiredService<ILogger<CommentClassifier>>());
        });
        builder.Services.AddHealthChecks().AddCheck<ModelHealthCheck>("model", tags: ["ready"]);
        return builder;
    }
}
