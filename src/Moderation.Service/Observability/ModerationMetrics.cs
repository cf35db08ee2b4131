using System.Diagnostics.Metrics;
using Moderation.Classifier;
using Moderation.Contracts;
using Moderation.Service.Policies;

namespace Moderation.Service.Observability;

/// <summary>
/// Every metric of the service, in one place (System.Diagnostics.Metrics; exported at <c>/metrics</c> by
/// prometheus-net together with MassTransit's and ASP.NET Core's meters). Tags are low-cardinality only: site,
/// channel, status, label; never comment, author or moderator ids.
/// </summary>
public sealed class ModerationMetrics
{
    public const string MeterName = "Moderation";

    readonly Counter<long> _received;
    readonly Counter<long> _verdicts;
    readonly Counter<long> _invalid;
    readonly Counter<long> _moderatorDecisions;
    readonly Counter<long> _reports;
    readonly Histogram<double> _scores;
    readonly Histogram<double> _scoringSeconds;
    readonly Histogram<double> _verdictLatency;
    readonly Histogram<double> _stageSeconds;

    public ModerationMetrics(IMeterFactory meterFactory, CommentClassifier classifier, ReviewBacklog backlog, CampaignIndex campaigns)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("model_info", () => new Measurement<long>(1, new KeyValuePair<string, object?>("version", classifier.Current.Version)),
            description: "The model in service (1, with its version as a tag)");

        // Every replica reads the same database: aggregate with max(), not sum().
        meter.CreateObservableGauge("review_backlog", () => backlog.Snapshot.Select(b => new Measurement<long>(
            b.Value, new KeyValuePair<string, object?>("site", b.Key.Site), new KeyValuePair<string, object?>("queue", b.Key.Queue))),
            description: "Comments waiting for a moderator, by site and queue (pending, reported); refreshed every few seconds");

        // Per replica (each keeps its own index): sum() over replicas is total memory, not distinct comments.
        meter.CreateObservableGauge("campaign_index_entries", () => campaigns.Entries,
            description: "Fingerprint entries in this replica's in-memory campaign index (24 bytes each plus per-key overhead; bounded per site)");

        _received = meter.CreateCounter<long>("comments_received", description: "Comments received, by site and channel (bus, http)");
        _verdicts = meter.CreateCounter<long>("verdicts", description: "Verdicts published, by site, status and decided_by (system, moderator)");
        _invalid = meter.CreateCounter<long>("submissions_invalid", description: "Submissions rejected as invalid, by channel and error kind");
        _moderatorDecisions = meter.CreateCounter<long>("moderator_decisions", description: "Moderator actions, by site, action and status");
        _reports = meter.CreateCounter<long>("reader_reports", description: "Reader reports, by site and result");
        _scores = meter.CreateHistogram<double>("score", description: "Classifier scores, by label",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1] });
        _scoringSeconds = meter.CreateHistogram<double>("scoring_duration_seconds", unit: "s", description: "Time to score one batch of comments, per comment",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05] });
        _verdictLatency = meter.CreateHistogram<double>("verdict_latency_seconds", unit: "s", description: "From the comment's submittedAt to its verdict being published",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _stageSeconds = meter.CreateHistogram<double>("batch_stage_seconds", unit: "s",
            description: "Time a batch of comments spends in each stage: read (database reads before deciding), score, store, publish (verdicts sent and confirmed)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10] });
    }

    /// <summary>The stages of <see cref="StageTook"/>: where a batch's time goes, so a slow verdict can be placed.</summary>
    public static class Stage
    {
        public const string Read = "read";
        public const string Score = "score";
        public const string Store = "store";
        public const string Publish = "publish";
    }

    public void StageTook(string stage, TimeSpan elapsed) =>
        _stageSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    public void Received(string siteId, string channel, int count = 1) =>
        _received.Add(count, new KeyValuePair<string, object?>("site", siteId), new KeyValuePair<string, object?>("channel", channel));

    public void Invalid(string channel, IEnumerable<SubmissionError> errors)
    {
        foreach (var kind in errors.Select(e => e.Kind).Distinct())
        {
            _invalid.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("kind", kind));
        }
    }

    public void Scored(double spam, double abuse, double hate)
    {
        _scores.Record(spam, new KeyValuePair<string, object?>("label", "spam"));
        _scores.Record(abuse, new KeyValuePair<string, object?>("label", "abuse"));
        _scores.Record(hate, new KeyValuePair<string, object?>("label", "hate"));
    }

    public void ScoringTook(TimeSpan perComment) => _scoringSeconds.Record(perComment.TotalSeconds);

    /// <summary>A verdict went out; <paramref name="now"/> minus submittedAt is the end-to-end latency.</summary>
    public void Published(CommentModerated verdict, DateTimeOffset now)
    {
        var decidedBy = verdict.DecidedBy == "system" ? "system" : "moderator";
        _verdicts.Add(1,
            new KeyValuePair<string, object?>("site", verdict.SiteId),
            new KeyValuePair<string, object?>("status", verdict.Status.ToString()),
            new KeyValuePair<string, object?>("decided_by", decidedBy));
        if (decidedBy == "system" && verdict.Revision == 1 && verdict.SubmittedAt != default)
        {
            _verdictLatency.Record(Math.Max(0, (now - verdict.SubmittedAt).TotalSeconds));
        }
    }

    public void ModeratorDecided(string siteId, string action, ModerationStatus status) =>
        _moderatorDecisions.Add(1,
            new KeyValuePair<string, object?>("site", siteId),
            new KeyValuePair<string, object?>("action", action),
            new KeyValuePair<string, object?>("status", status.ToString()));

    public void Reported(string siteId, string result) =>
        _reports.Add(1, new KeyValuePair<string, object?>("site", siteId), new KeyValuePair<string, object?>("result", result));
}
