using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace Moderation.Classifier.Scoring;

/// <summary>
/// The weights of one trained linear head, read out of its ML.NET transformer, with the per-feature scale (naive-Bayes
/// ratios) applied before it when the model has one. Used to split a score over the words of a text (contribution =
/// weight × scale × feature value), and by training to score held-out rows quickly.
/// </summary>
internal sealed class LinearHead(float[] weights, float bias, ICalibrator calibrator, float[]? featureScale = null)
{
    public float[] Weights { get; } = weights;

    public float Bias { get; } = bias;

    public ICalibrator Calibrator { get; } = calibrator;

    /// <summary>Per feature: the factor applied to the feature before the head sees it (null: none).</summary>
    public float[]? FeatureScale { get; } = featureScale;

    /// <summary>What one unit of feature <paramref name="index"/> adds to the margin.</summary>
    public float EffectiveWeight(int index) => FeatureScale is { } scale ? Weights[index] * scale[index] : Weights[index];

    public float Margin(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var margin = Bias;
        if (FeatureScale is { } scale)
        {
            for (var i = 0; i < indices.Length; i++)
            {
                margin += Weights[indices[i]] * scale[indices[i]] * values[i];
            }
        }
        else
        {
            for (var i = 0; i < indices.Length; i++)
            {
                margin += Weights[indices[i]] * values[i];
            }
        }

        return margin;
    }

    public float Probability(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) =>
        Calibrator.PredictProbability(Margin(indices, values));

    public LinearHead WithFeatureScale(float[]? scale) => new(Weights, Bias, Calibrator, scale);

    /// <summary>True when the transformer is a prediction transformer over a linear model.</summary>
    public static bool IsPredictor(ITransformer transformer) => PropertyOf<object>(transformer, "Model") is { } model
        && (model is LinearBinaryModelParameters || PropertyOf<LinearBinaryModelParameters>(model, "SubModel") is not null);

    /// <summary>Reads the linear model and calibrator out of a binary prediction transformer (trained or loaded).</summary>
    public static LinearHead From(ITransformer transformer, ICalibrator? separateCalibrator = null)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        var model = PropertyOf<object>(transformer, "Model")
            ?? throw new InvalidDataException($"'{transformer.GetType().Name}' is not a prediction transformer.");
        var linear = model as LinearBinaryModelParameters
            ?? PropertyOf<LinearBinaryModelParameters>(model, "SubModel")
            ?? throw new InvalidDataException($"The head '{model.GetType().Name}' is not a linear model.");
        var calibrator = separateCalibrator ?? PropertyOf<ICalibrator>(model, "Calibrator")
            ?? throw new InvalidDataException($"The head '{model.GetType().Name}' has no calibrator.");
        return new LinearHead([.. linear.Weights], linear.Bias, calibrator);
    }

    // Generic ML.NET wrappers redeclare these properties (new), so a plain GetProperty(name) is ambiguous.
    private static T? PropertyOf<T>(object owner, string name)
        where T : class =>
        owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.Name == name && property.GetIndexParameters().Length == 0)
            .Select(property => property.GetValue(owner) as T)
            .FirstOrDefault(value => value is not null);
}
