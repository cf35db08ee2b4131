namespace Moderation.Classifier;

/// <summary>
/// A part of the original text that pushed one label's score up: <see cref="Start"/> and <see cref="Length"/>
/// are UTF-16 offsets into the text as the author wrote it (not the normalised text).
/// </summary>
public sealed record Evidence(ModerationLabel Label, int Start, int Length, float Weight);
