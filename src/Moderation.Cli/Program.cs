using System.CommandLine;
using Moderation.Cli;

var root = new RootCommand("Comment moderation: train, evaluate and try the classifier.")
{
    TrainCommand.Create(),
    EvalCommand.Create(),
    ScoreCommand.Create(),
    ExperimentCommand.Create(),
    RethresholdCommand.Create(),
};

return root.Parse(args).Invoke();
