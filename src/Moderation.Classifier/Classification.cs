namespace Moderation.Classifier;

/// <summary>The classifier's answer for one comment.</summary>
/// <param name="Scores">Calibrated probabilities per label.</param>
/// <param name="Evidence">For each label, the spans of the original text that contributed most (strongest first), at most a few per label.</param>
/// <param name="Signals">Counts the policy uses (links, phone numbers, contacts, styled letters).</param>
/// <param name="ModelVersion">The content hash of the model that produced this.</param>
/// <param name="IndonesianHeads">Whether abuse and hate were scored with the model's Indonesian heads (blended with the pooled ones).</param>
public sealed record Classification(
    LabelScores Scores,
    IReadOnlyList<Evidence> Evidence,
    TextSignals Signals,
    string ModelVersion,
    bool IndonesianHeads = false);
