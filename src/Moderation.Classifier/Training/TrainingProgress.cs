namespace Moderation.Classifier.Training;

/// <summary>A step of training and how far it is (0..1), for a progress bar.</summary>
public sealed record TrainingProgress(string Step, double Fraction);
