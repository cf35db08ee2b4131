using Microsoft.Extensions.Logging;

namespace Moderation.Classifier;

/// <summary>The classifier's log messages (source-generated: no formatting cost when the level is off).</summary>
internal static partial class ClassifierLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded moderation model {ModelVersion} from {ModelPath}")]
    public static partial void Loaded(ILogger logger, string modelVersion, string modelPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Moderation model reloaded: {PreviousVersion} -> {ModelVersion}")]
    public static partial void Reloaded(ILogger logger, string previousVersion, string modelVersion);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not load the moderation model at {ModelPath}; keeping {ModelVersion}")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string modelPath, string modelVersion);
}
