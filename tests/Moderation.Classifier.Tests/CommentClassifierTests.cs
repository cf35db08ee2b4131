namespace Moderation.Classifier.Tests;

public sealed class CommentClassifierTests
{
    [Fact]
    public async Task Picks_up_a_replaced_model_file_and_keeps_serving_during_the_swap()
    {
        var path = TinyModel.CopyToFreshDirectory(TinyModel.FirstPath);
        using var classifier = new CommentClassifier(path, watch: true);
        var firstVersion = classifier.Current.Version;
        var reloaded = new TaskCompletionSource<ModerationModel>(TaskCreationOptions.RunContinuationsAsynchronously);
        classifier.ModelReloaded += (_, model) => reloaded.TrySetResult(model);

        // Replace the file the safe way: write next to it, then rename over it.
        var temporary = path + ".new";
        File.Copy(TinyModel.SecondPath, temporary);
        File.Move(temporary, path, overwrite: true);

        var model = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.NotEqual(firstVersion, model.Version);
        Assert.Equal(model.Version, classifier.Current.Version);
        Assert.Equal(model.Version, classifier.Classify("halo").ModelVersion);
    }

    [Fact]
    public void A_broken_file_leaves_the_previous_model_in_service()
    {
        var path = TinyModel.CopyToFreshDirectory(TinyModel.FirstPath);
        using var classifier = new CommentClassifier(path, watch: false);
        var version = classifier.Current.Version;
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        Assert.False(classifier.Reload());
        Assert.Equal(version, classifier.Current.Version);
        Assert.Equal(version, classifier.Classify("main di ZETA77 gacor parah").ModelVersion);
    }

    [Fact]
    public void Reload_swaps_in_a_copied_over_model()
    {
        var path = TinyModel.CopyToFreshDirectory(TinyModel.FirstPath);
        using var classifier = new CommentClassifier(path, watch: false);
        File.Copy(TinyModel.SecondPath, path, overwrite: true);
        Assert.True(classifier.Reload());
        Assert.Equal(ModerationModel.Load(TinyModel.SecondPath).Version, classifier.Current.Version);
    }
}
