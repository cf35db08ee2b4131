using Moderation.Classifier.Evaluation;

namespace Moderation.Classifier.Training;

/// <summary>What training measured: the validation report clean and obfuscated, styled-ordinary false positives, choices made on dev.</summary>
public sealed record TrainingReport(
    EvaluationReport Validation,
    EvaluationReport ValidationObfuscated,
    IReadOnlyDictionary<string, StyledFalsePositives> StyledOrdinary,
    ModelThresholds Thresholds,
    IReadOnlyDictionary<string, float> DecisionThresholds,
    IReadOnlyDictionary<string, string> DevChoices,
    IReadOnlyList<SourceInfo> Sources,
    long ModelBytes);
