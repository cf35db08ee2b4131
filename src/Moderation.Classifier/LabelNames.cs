namespace Moderation.Classifier;

/// <summary>The lower-case names of the labels used in files, JSON and the command line.</summary>
public static class LabelNames
{
    /// <summary>All labels in their fixed order.</summary>
    public static IReadOnlyList<ModerationLabel> All { get; } = [ModerationLabel.Spam, ModerationLabel.Abuse, ModerationLabel.Hate];

    /// <summary>"spam", "abuse" or "hate".</summary>
    public static string Of(ModerationLabel label) => label switch
    {
        ModerationLabel.Spam => "spam",
        ModerationLabel.Abuse => "abuse",
        ModerationLabel.Hate => "hate",
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };
}
