namespace Moderation.Classifier;

/// <summary>
/// One loaded model file: immutable and thread-safe. Scoring goes through pooled ML.NET prediction engines.
/// </summary>
public sealed class ModerationModel : IDisposable
{
    /// <summary>Loads a model file written by <c>moderation train</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not a model this version can read.</exception>
    public static ModerationModel Load(string path) => throw new NotImplementedException();

    /// <summary>The model version: a short content hash of the file (for example <c>sha256:3f2a9c1b0d4e</c>).</summary>
    public string Version => throw new NotImplementedException();

    /// <summary>The default thresholds chosen on the validation split.</summary>
    public ModelThresholds Thresholds => throw new NotImplementedException();

    /// <summary>Scores one comment and explains the scores.</summary>
    public Classification Classify(string text) => throw new NotImplementedException();

    /// <summary>Scores many comments; cheaper per comment than calling <see cref="Classify(string)"/> in a loop.</summary>
    public IReadOnlyList<Classification> ClassifyBatch(IReadOnlyList<string> texts) => throw new NotImplementedException();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
