namespace Moderation.Service.Review;

/// <summary>A page of a review queue; pass <see cref="NextCursor"/> back for the next one.</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewItem> Items, string? NextCursor);
