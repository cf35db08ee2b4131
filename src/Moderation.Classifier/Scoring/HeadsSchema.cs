using Microsoft.ML;
using Microsoft.ML.Data;

namespace Moderation.Classifier.Scoring;

/// <summary>The ML.NET schema of <see cref="FeatureRow"/> with the vector length of a model's features, and the heads' column names.</summary>
internal static class HeadsSchema
{
    public static SchemaDefinition For(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }

    public static string ProbabilityColumn(ModerationLabel label) => label switch
    {
        ModerationLabel.Spam => nameof(HeadsOutput.SpamProbability),
        ModerationLabel.Abuse => nameof(HeadsOutput.AbuseProbability),
        ModerationLabel.Hate => nameof(HeadsOutput.HateProbability),
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    /// <summary>Reads the three linear heads out of a loaded heads chain, in label order.</summary>
    public static LinearHead[] ReadHeads(ITransformer chain)
    {
        if (chain is not IEnumerable<ITransformer> parts)
        {
            throw new InvalidDataException("The heads model is not a transformer chain.");
        }

        var heads = parts.Where(t => t.GetType().GetProperty("Model") is not null).Select(LinearHead.From).ToArray();
        return heads.Length == 3 ? heads : throw new InvalidDataException($"The heads model has {heads.Length} heads, expected 3.");
    }
}
