using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace Moderation.Classifier.Scoring;

/// <summary>
/// The weights of one trained linear head, read out of its ML.NET transformer, with the per-feature scale (naive-Bayes
/// ratios) applied before it when the model has one. Training scores held-out rows with it (and chooses the thresholds
/// on those scores); serving copies its effective weights into <see cref="WeightTable"/>, which sums them the same way.
/// </summary>
internal sealed class LinearHead
{
    // The unscaled weights, kept only by an unscaled head (where they are the effective weights): a scaled head does
    // not hold a second 4 MB array per label.
    private readonly float[]? _unscaled;

    public LinearHead(float[] weights, float bias, ICalibrator calibrator, float[]? featureScale = null)
    {
        _unscaled = featureScale is null ? weights : null;
        Bias = bias;
        Calibrator = calibrator;

        // What one unit of each feature adds to the margin, computed once, so a margin reads one array per feature
        // instead of two. (w × s) × v is what w × s × v evaluates to, so margins are unchanged to the last bit.
        if (featureScale is null)
        {
            EffectiveWeights = weights;
        }
        else
        {
            EffectiveWeights = new float[weights.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                EffectiveWeights[i] = weights[i] * featureScale[i];
            }
        }
    }

    /// <summary>Per feature: weight × scale (the weight itself when there is no scale).</summary>
    public float[] EffectiveWeights { get; }

    /// <summary>The number of features the head reads.</summary>
    public int Dimension => EffectiveWeights.Length;

    public float Bias { get; }

    public ICalibrator Calibrator { get; }

    public float Margin(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var margin = Bias;
        var weights = EffectiveWeights;
        for (var i = 0; i < indices.Length; i++)
        {
            margin += weights[indices[i]] * values[i];
        }

        return margin;
    }

    public float Probability(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) =>
        Calibrator.PredictProbability(Margin(indices, values));

    /// <summary>
    /// One head whose margin is (1 − <paramref name="weight"/>) × the pooled margin + <paramref name="weight"/> × the
    /// Indonesian margin: what scores a comment routed to the Indonesian heads (<see cref="Training.IndonesianHeads"/>).
    /// Both are linear in the same features, so the blend is one weight table.
    /// </summary>
    public static LinearHead Blend(LinearHead pooled, LinearHead indonesian, float weight)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        ArgumentNullException.ThrowIfNull(indonesian);
        if (pooled.Dimension != indonesian.Dimension)
        {
            throw new InvalidDataException($"The pooled head has {pooled.Dimension} weights but the Indonesian one {indonesian.Dimension}.");
        }

        var weights = new float[pooled.Dimension];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = ((1 - weight) * pooled.EffectiveWeights[i]) + (weight * indonesian.EffectiveWeights[i]);
        }

        return new LinearHead(weights, ((1 - weight) * pooled.Bias) + (weight * indonesian.Bias), indonesian.Calibrator);
    }

    /// <summary>The blended margin of <see cref="Blend"/> from the two heads' own margins (training's held-out scores).</summary>
    public static float BlendedMargin(float pooledMargin, float indonesianMargin, float weight) =>
        ((1 - weight) * pooledMargin) + (weight * indonesianMargin);

    /// <summary>The same head reading features multiplied by <paramref name="scale"/> (from the unscaled weights).</summary>
    public LinearHead WithFeatureScale(float[]? scale) =>
        new(_unscaled ?? throw new InvalidOperationException("The head is scaled already."), Bias, Calibrator, scale);

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
