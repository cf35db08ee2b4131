namespace Moderation.Classifier.Training;

/// <summary>A featurised row kept in memory during training.</summary>
/// <remarks><see cref="Indonesian"/>: whether <see cref="Scoring.LanguageRoute"/> sends the text to the Indonesian heads.</remarks>
internal sealed record SparseVector(int[] Indices, float[] Values, bool Indonesian = false)
{
    /// <summary>The vector held in a buffer, copied.</summary>
    public static SparseVector Of(Features.FeatureBuffer buffer) => new(buffer.Indices[..buffer.Count], buffer.Values[..buffer.Count], buffer.Indonesian);
}
