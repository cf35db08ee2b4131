using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Moderation.Classifier;

/// <summary>
/// The classifier a host keeps for its lifetime: holds the current <see cref="ModerationModel"/> and swaps in a
/// new one atomically when the model file is replaced (in-flight calls finish on the old one). A file that
/// fails to load is logged and ignored; the previous model stays in service.
/// </summary>
public sealed class CommentClassifier : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly string _modelPath;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer? _debounceTimer;
    private readonly Lock _reloadGate = new();
    private ModerationModel _current;
    private bool _disposed;

    /// <summary>Loads the model at <paramref name="modelPath"/> and, when <paramref name="watch"/> is true, watches the file for replacement.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable model (at start-up there is no previous model to keep).</exception>
    public CommentClassifier(string modelPath, bool watch = true, ILogger<CommentClassifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        _modelPath = Path.GetFullPath(modelPath);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _current = ModerationModel.Load(_modelPath);
        ReleaseLoadingMemory();
        ClassifierLog.Loaded(_logger, _current.Version, _modelPath);
        if (watch)
        {
            _debounceTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(_modelPath)!, Path.GetFileName(_modelPath))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };

            // A copy raises several Changed events and an atomic rename raises Renamed/Created: wait for quiet, then load once.
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>
    /// Loading reads the model file (~11 MB) and ML.NET's copies of the weights to build the weight table, all garbage
    /// once it is built, most of it on the large object heap, which only a full collection frees. One aggressive,
    /// compacting collection right after a load (at start and on each reload, never per comment) hands that memory
    /// back to the operating system instead of leaving it resident.
    /// </summary>
    private static void ReleaseLoadingMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The model in service now.</summary>
    public ModerationModel Current => Volatile.Read(ref _current);

    /// <summary>Raised after a new model file was loaded and swapped in.</summary>
    public event EventHandler<ModerationModel>? ModelReloaded;

    /// <summary>Scores one comment with the current model.</summary>
    public Classification Classify(string text) => Current.Classify(text);

    /// <summary>Scores one comment already normalised with <see cref="TextNormalizer.Normalize"/>, with the current model.</summary>
    public Classification Classify(NormalizedText normalized) => Current.Classify(normalized);

    /// <summary>Scores many comments with the current model.</summary>
    public IReadOnlyList<Classification> ClassifyBatch(IReadOnlyList<string> texts) => Current.ClassifyBatch(texts);

    /// <summary>Scores many comments already normalised with <see cref="TextNormalizer.Normalize"/>, with the current model.</summary>
    public IReadOnlyList<Classification> ClassifyBatch(IReadOnlyList<NormalizedText> normalized) => Current.ClassifyBatch(normalized);

    /// <summary>Loads the model file again now (also called by the file watcher). Returns false when the file could not be loaded.</summary>
    public bool Reload()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return false;
            }

            ModerationModel loaded;
            try
            {
                loaded = LoadWithRetry();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                ClassifierLog.ReloadFailed(_logger, ex, _modelPath, Current.Version);
                return false;
            }

            if (loaded.Version == Current.Version)
            {
                loaded.Dispose();
                return true;
            }

            // Calls already running keep their reference to the old model; it is not disposed under them.
            var previous = Interlocked.Exchange(ref _current, loaded);
            ReleaseLoadingMemory();
            ClassifierLog.Reloaded(_logger, previous.Version, loaded.Version);
            ModelReloaded?.Invoke(this, loaded);
            return true;
        }
    }

    private ModerationModel LoadWithRetry()
    {
        // A file still being copied can be locked or short for a moment.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ModerationModel.Load(_modelPath);
            }
            catch (Exception ex) when (attempt < 3 && ex is IOException or InvalidDataException)
            {
                Thread.Sleep(200 * attempt);
            }
        }
    }

    private void ScheduleReload()
    {
        if (!_disposed)
        {
            _debounceTimer?.Change(Debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_reloadGate)
        {
            _disposed = true;
        }

        _watcher?.Dispose();
        _debounceTimer?.Dispose();
        ModelReloaded = null;
    }
}
