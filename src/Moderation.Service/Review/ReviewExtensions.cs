namespace Moderation.Service.Review;

public static class ReviewExtensions
{
    public static IHostApplicationBuilder AddModerationReview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ModerationActions>();
        builder.Services.AddHostedService<DecisionRepublisher>();
        return builder;
    }
}
