namespace Moderation.Classifier.Features;

/// <summary>How texts become feature vectors; stored in the model so scoring uses what training used.</summary>
/// <param name="HashBits">The hashed part of the vector has 2^HashBits slots.</param>
/// <param name="CharMinLength">Shortest character n-gram (taken inside word boundaries).</param>
/// <param name="CharMaxLength">Longest character n-gram.</param>
/// <param name="WordBigrams">Whether pairs of neighbouring words are features.</param>
/// <param name="SqueezeDoubles">Whether doubled letters count once in features ("maaf" as "maf", "gaacor" as "gacor").</param>
/// <param name="InverseDocumentFrequency">Whether hashed counts are weighted by inverse document frequency (stored in the model).</param>
public sealed record FeatureSettings(int HashBits = 20, int CharMinLength = 2, int CharMaxLength = 5, bool WordBigrams = true, bool SqueezeDoubles = true, bool InverseDocumentFrequency = true)
{
    /// <summary>The number of dense signal features at the start of the vector.</summary>
    public const int DenseCount = 16;

    /// <summary>The length of the feature vector.</summary>
    public int Dimension => DenseCount + (1 << HashBits);
}
