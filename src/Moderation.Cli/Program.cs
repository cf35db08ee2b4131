using System.CommandLine;
using Moderation.Cli;

var root = new RootCommand("Comment moderation: train, evaluate and try the classifier; manage keys; export moderator feedback.")
{
    TrainCommand.Create(),
    EvalCommand.Create(),
    ScoreCommand.Create(),
    KeysCommand.Create(),
    ExportFeedbackCommand.Create(),
};

return root.Parse(args).Invoke();
