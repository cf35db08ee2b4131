using Moderation.Classifier.Evaluation;

namespace Moderation.Classifier.Training;

/// <summary>
/// What training measured: the validation report clean and obfuscated, styled-ordinary false positives, the default
/// thresholds with the share of each label's validation positives they auto-approve, the share of ordinary
/// validation comments (of sources that label only spam) the default policy holds, and the choices made on dev.
/// </summary>
public sealed record TrainingReport(
    EvaluationReport Validation,
    EvaluationReport ValidationObfuscated,
    IReadOnlyDictionary<string, StyledFalsePositives> StyledOrdinary,
    ModelThresholds Thresholds,
    IReadOnlyDictionary<string, double> MissRates,
    double HeldOrdinary,
    double HeldStyledOrdinary,
    IReadOnlyDictionary<string, float> DecisionThresholds,
    IReadOnlyDictionary<string, string> DevChoices,
    IReadOnlyList<SourceInfo> Sources,
    long ModelBytes);
