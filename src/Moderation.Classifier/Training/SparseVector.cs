namespace Moderation.Classifier.Training;

/// <summary>A featurised row kept in memory during training.</summary>
internal sealed record SparseVector(int[] Indices, float[] Values);
