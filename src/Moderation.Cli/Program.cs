using System.CommandLine;
using Moderation.Cli;

var root = new RootCommand("Comment moderation: train, evaluate and try the classifier; manage keys; export moderator feedback.")
{
    TrainCommand.Create(),
    EvalCommand.Create(),
    ScoreCommand.Create(),
    KeysCommand.Create(),
    ExportFeedbackCommand.Create(),
    ExperimentCommand.Create(),
};

// Bad input (a missing data file, a model that does not load) is the user's to fix: say what is wrong in one line
// instead of a stack trace. Anything else is a bug and keeps its stack trace.
try
{
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"moderation: {ex.Message}");
    return 2;
}
