namespace Moderation.Classifier;

/// <summary>A training source: its name, the rows used and its licence.</summary>
public sealed record SourceInfo(string Name, int Rows, string Licence);
