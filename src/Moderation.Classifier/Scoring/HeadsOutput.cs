namespace Moderation.Classifier.Scoring;

/// <summary>The output row of the ML.NET heads: one calibrated probability per label.</summary>
internal sealed class HeadsOutput
{
    public float SpamProbability { get; set; }

    public float AbuseProbability { get; set; }

    public float HateProbability { get; set; }
}

/// <summary>The output row of the Indonesian heads' chain (abuse and hate).</summary>
internal sealed class IndonesianHeadsOutput
{
    public float AbuseProbability { get; set; }

    public float HateProbability { get; set; }
}
