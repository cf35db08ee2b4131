using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace Moderation.Classifier.Scoring;

/// <summary>The ML.NET schemas of training and scoring rows for a model's vector length, and the heads' column names.</summary>
internal static class HeadsSchema
{
    /// <summary>The feature column shared by heads that do not scale their features.</summary>
    public const string SharedFeatureColumn = nameof(ScoringRow.Features);

    /// <summary>A training row schema whose feature vector is called <paramref name="featureColumn"/>.</summary>
    public static SchemaDefinition ForTraining(int dimension, string featureColumn = SharedFeatureColumn)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        var column = schema[nameof(FeatureRow.Features)];
        column.ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        column.ColumnName = featureColumn;
        return schema;
    }

    /// <summary>The scoring row schema: every feature column with the model's vector length.</summary>
    public static SchemaDefinition ForScoring(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(ScoringRow));
        foreach (var name in new[] { nameof(ScoringRow.Features), nameof(ScoringRow.SpamFeatures), nameof(ScoringRow.AbuseFeatures), nameof(ScoringRow.HateFeatures) })
        {
            schema[name].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        }

        return schema;
    }

    /// <summary>The feature column of a head that scales its features for <paramref name="label"/>.</summary>
    public static string ScaledFeatureColumn(ModerationLabel label) => label switch
    {
        ModerationLabel.Spam => nameof(ScoringRow.SpamFeatures),
        ModerationLabel.Abuse => nameof(ScoringRow.AbuseFeatures),
        ModerationLabel.Hate => nameof(ScoringRow.HateFeatures),
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    public static string ProbabilityColumn(ModerationLabel label) => label switch
    {
        ModerationLabel.Spam => nameof(HeadsOutput.SpamProbability),
        ModerationLabel.Abuse => nameof(HeadsOutput.AbuseProbability),
        ModerationLabel.Hate => nameof(HeadsOutput.HateProbability),
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    /// <summary>
    /// Reads the linear heads out of a loaded heads chain (three, or <paramref name="expected"/>), in label order: a
    /// calibrated linear predictor, or an uncalibrated one followed by its calibrator. Feature scales are not in the
    /// chain; the caller adds them.
    /// </summary>
    public static LinearHead[] ReadHeads(ITransformer chain, int expected = 3)
    {
        if (chain is not IEnumerable<ITransformer> parts)
        {
            throw new InvalidDataException("The heads model is not a transformer chain.");
        }

        // A head is a linear predictor, optionally followed by the calibrator that replaces its own.
        var heads = new List<LinearHead>();
        ITransformer? pending = null;
        foreach (var part in parts)
        {
            if (part is ISingleFeaturePredictionTransformer<ICalibrator> calibrator)
            {
                heads.Add(LinearHead.From(pending ?? throw new InvalidDataException("A calibrator without a head."), calibrator.Model));
                pending = null;
            }
            else if (LinearHead.IsPredictor(part))
            {
                if (pending is not null)
                {
                    heads.Add(LinearHead.From(pending));
                }

                pending = part;
            }
        }

        if (pending is not null)
        {
            heads.Add(LinearHead.From(pending));
        }

        return heads.Count == expected ? [.. heads] : throw new InvalidDataException($"The heads model has {heads.Count} heads, expected {expected}.");
    }
}
