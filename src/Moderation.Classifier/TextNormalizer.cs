namespace Moderation.Classifier;

/// <summary>The one normalisation used by training, scoring and the policy's word lists.</summary>
public static class TextNormalizer
{
    /// <summary>Normalises a text, keeping offsets back to the original.</summary>
    public static NormalizedText Normalize(string text) => throw new NotImplementedException();
}
