using Microsoft.Extensions.Logging;

namespace Moderation.Classifier;

/// <summary>
/// The classifier a host keeps for its lifetime: holds the current <see cref="ModerationModel"/> and swaps in a
/// new one atomically when the model file is replaced (in-flight calls finish on the old one). A file that
/// fails to load is logged and ignored; the previous model stays in service.
/// </summary>
public sealed class CommentClassifier : IDisposable
{
    /// <summary>Loads the model at <paramref name="modelPath"/> and, when <paramref name="watch"/> is true, watches the file for replacement.</summary>
    public CommentClassifier(string modelPath, bool watch = true, ILogger<CommentClassifier>? logger = null) => throw new NotImplementedException();

    /// <summary>The model in service now.</summary>
    public ModerationModel Current => throw new NotImplementedException();

    /// <summary>Raised after a new model file was loaded and swapped in.</summary>
    public event EventHandler<ModerationModel>? ModelReloaded;

    /// <summary>Scores one comment with the current model.</summary>
    public Classification Classify(string text) => Current.Classify(text);

    /// <summary>Scores many comments with the current model.</summary>
    public IReadOnlyList<Classification> ClassifyBatch(IReadOnlyList<string> texts) => Current.ClassifyBatch(texts);

    /// <summary>Loads the model file again now (also called by the file watcher). Returns false when the file could not be loaded.</summary>
    public bool Reload()
    {
        ModelReloaded?.Invoke(this, Current);
        throw new NotImplementedException();
    }

    /// <inheritdoc />
    public void Dispose() => ModelReloaded = null;
}
