namespace Moderation.Classifier.Data;

/// <summary>One row of a labelled TSV file. A label is null where the source does not answer that question.</summary>
public sealed record LabelledComment(string Id, string Source, string Language, string Text, bool? Spam, bool? Abuse, bool? Hate)
{
    /// <summary>The label for one question, or null when unknown.</summary>
    public bool? this[ModerationLabel label] => label switch
    {
        ModerationLabel.Spam => Spam,
        ModerationLabel.Abuse => Abuse,
        ModerationLabel.Hate => Hate,
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    /// <summary>True when every known label is 0: an ordinary comment.</summary>
    public bool IsOrdinary => Spam != true && Abuse != true && Hate != true && (Spam ?? Abuse ?? Hate) is not null;
}
