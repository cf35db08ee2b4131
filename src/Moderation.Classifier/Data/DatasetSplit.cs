namespace Moderation.Classifier.Data;

/// <summary>The fixed split of labelled rows, decided by a hash of the row id so it never moves between runs.</summary>
public enum DatasetSplit
{
    /// <summary>About 70 %: the heads are fitted here.</summary>
    Train,

    /// <summary>About 10 %: hyperparameters and the decision threshold are chosen here.</summary>
    Dev,

    /// <summary>About 20 %: held out; the default Review/Reject thresholds and the reported metrics come from here.</summary>
    Validation,
}
