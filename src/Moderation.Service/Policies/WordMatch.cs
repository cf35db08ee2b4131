namespace Moderation.Service.Policies;

/// <summary>A word-list hit: the listed phrase and where the author wrote it.</summary>
public sealed record WordMatch(string Phrase, int Start, int Length);
