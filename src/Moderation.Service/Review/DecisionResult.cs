namespace Moderation.Service.Review;

public enum DecisionResult
{
    Decided,
    NotFound,
    Conflict,
    Invalid,
}
