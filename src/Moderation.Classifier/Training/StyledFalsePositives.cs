namespace Moderation.Classifier.Training;

/// <summary>
/// On ordinary validation comments (every known label 0): the share flagged at the decision threshold as written
/// and when rewritten entirely in styled letters.
/// </summary>
public sealed record StyledFalsePositives(int Comments, double CleanRate, double StyledRate);
