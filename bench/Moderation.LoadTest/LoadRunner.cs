using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Moderation.LoadTest;

/// <summary>
/// Runs one load or fault scenario end to end on a private vhost and database: starts the replicas, publishes,
/// collects answers, injects the fault, checks what was stored, and reports. Used by the console tool
/// (bench/run-load.sh, bench/run-faults.sh) and by the reduced fault tests in CI.
/// </summary>
public sealed class LoadRunner(LoadOptions options, TextWriter log)
{
    public const string SubmitQueue = "submit-comment";
    const string BaselineRequestQueue = "baseline-submit";
    const string BaselineReplyQueue = "baseline-answers";
    const string AnswersQueue = "loadtest-answers";

    readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    readonly List<ServiceReplica> _replicas = [];
    TestBed _bed = null!;
    int _phase;

    public async Task<RunReport> RunAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.LogDirectory);
        var loadBefore = LoadAverage();
        _bed = await TestBed.CreateAsync(options.RabbitMq, options.RabbitMqManagement, options.Postgres, $"lt_{_runId}");
        _bed.Keep = options.Keep;
        try
        {
            var report = options.Fault switch
            {
                "none" => await LoadAsync(cancellationToken),
                "kill-service" => await KillServiceAsync(cancellationToken),
                "restart-rabbitmq" => await RestartRabbitMqAsync(cancellationToken),
                "postgres-down" => await PostgresDownAsync(cancellationToken),
                "bad-input" => await BadInputAsync(cancellationToken),
                "soak" => await SoakAsync(cancellationToken),
                _ => throw new ArgumentException($"unknown fault '{options.Fault}'"),
            };
            report.Fields["load_avg_before"] = loadBefore;
            report.Fields["load_avg_after"] = LoadAverage();
            return report;
        }
        finally
        {
            foreach (var replica in _replicas)
            {
                await replica.DisposeAsync();
            }

            await _bed.DisposeAsync();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Load: throughput at the maximum rate, latency at a fixed rate, the raw baseline on the same broker.

    async Task<RunReport> LoadAsync(CancellationToken cancellationToken)
    {
        await StartReplicasAsync(options.Replicas);
        PhaseResult throughput, latency;
        Dictionary<string, double> cpuPerComment, cpuAtRate;
        double batchAtMax, batchAtRate;
        Dictionary<string, (double MeanMs, double P99Ms)> stagesAtMax, stagesAtRate;
        await using (var answers = await AnswerListener.StartAsync(_bed.RabbitMq, AnswersQueue, bindServiceExchanges: true))
        await using (var site = await SitePublisher.ConnectAsync(_bed.RabbitMq, options.Window))
        {
            await PhaseAsync("service warm-up", answers, site, SubmitQueue, options.Warmup, 0, cancellationToken);
            await _bed.AnalyzeAsync();
            await Task.Delay(1000, cancellationToken);
            foreach (var replica in _replicas)
            {
                replica.ResetMaxRss();
            }

            (throughput, cpuPerComment, batchAtMax, stagesAtMax) = await MeasuredPhaseAsync("service max rate", answers, site, options.Count, 0, cancellationToken);
            await Task.Delay(2000, cancellationToken);
            (latency, cpuAtRate, batchAtRate, stagesAtRate) = await MeasuredPhaseAsync($"service {options.Rate:0}/s", answers, site, options.LatencyCount, options.Rate, cancellationToken);
        }

        var rss = _replicas.Max(r => r.MaxRssBytes) / 1048576.0;
        foreach (var replica in _replicas)
        {
            await replica.StopAsync(TimeSpan.FromSeconds(20));
        }

        PhaseResult? baselineThroughput = null, baselineLatency = null;
        if (options.Baseline)
        {
            await using var answers = await AnswerListener.StartAsync(_bed.RabbitMq, BaselineReplyQueue, bindServiceExchanges: false);
            await using var site = await SitePublisher.ConnectAsync(_bed.RabbitMq, options.Window);
            await using var responder = await BaselineResponder.StartAsync(_bed.RabbitMq, BaselineRequestQueue, BaselineReplyQueue, prefetch: 500);
            await PhaseAsync("baseline warm-up", answers, site, BaselineRequestQueue, options.Warmup, 0, cancellationToken);
            await Task.Delay(1000, cancellationToken);
            baselineThroughput = await PhaseAsync("baseline max rate", answers, site, BaselineRequestQueue, options.Count, 0, cancellationToken);
            await Task.Delay(2000, cancellationToken);
            baselineLatency = await PhaseAsync($"baseline {options.Rate:0}/s", answers, site, BaselineRequestQueue, options.LatencyCount, options.Rate, cancellationToken);
        }

        var report = new RunReport("load");
        report.Phases.AddRange(new[] { throughput, latency, baselineThroughput, baselineLatency }.OfType<PhaseResult>());
        var ratio = baselineThroughput is { Throughput: > 0 } b ? throughput.Throughput / b.Throughput : 0;
        report.Fields["throughput"] = Math.Round(throughput.Throughput, 1);
        report.Fields["baseline_throughput"] = Math.Round(baselineThroughput?.Throughput ?? 0, 1);
        report.Fields["ratio"] = Math.Round(ratio, 3);
        report.Fields["p50_ms"] = Math.Round(latency.P50, 2);
        report.Fields["p99_ms"] = Math.Round(latency.P99, 2);
        report.Fields["lost"] = throughput.Lost + latency.Lost;
        report.Fields["duplicated"] = throughput.Duplicated + latency.Duplicated;
        report.Fields["p90_ms"] = Math.Round(latency.P90, 2);
        report.Fields["max_ms"] = Math.Round(latency.Max, 2);
        report.Fields["latency_rate"] = options.Rate;
        report.Fields["baseline_p50_ms"] = Math.Round(baselineLatency?.P50 ?? 0, 2);
        report.Fields["baseline_p99_ms"] = Math.Round(baselineLatency?.P99 ?? 0, 2);
        report.Fields["rss_mb"] = Math.Round(rss, 1);
        report.Fields["replicas"] = options.Replicas;
        report.Fields["count"] = options.Count;
        report.Fields["verdict_bytes"] = Math.Round(throughput.AverageAnswerBytes);
        report.Fields["baseline_reply_bytes"] = Math.Round(baselineThroughput?.AverageAnswerBytes ?? 0);

        // Where one comment's CPU went during the max-rate phase (ms per comment, from /proc).
        foreach (var (component, ms) in cpuPerComment)
        {
            report.Fields[$"cpu_ms_per_comment_{component}"] = ms;
        }

        report.Fields["batch_size_max_rate"] = Math.Round(batchAtMax, 1);
        report.Fields["batch_size_at_rate"] = Math.Round(batchAtRate, 1);

        // The same at the fixed rate: smaller batches there, so each comment carries more of a batch's fixed cost.
        foreach (var (component, ms) in cpuAtRate)
        {
            report.Fields[$"cpu_ms_per_comment_at_rate_{component}"] = ms;
        }

        // Where a batch's time went at the fixed rate (the latency target's phase): mean and p99 per stage.
        foreach (var (stage, (mean, p99)) in stagesAtRate)
        {
            report.Fields[$"stage_{stage}_mean_ms_at_rate"] = Math.Round(mean, 2);
            report.Fields[$"stage_{stage}_p99_ms_at_rate"] = Math.Round(p99, 2);
        }

        report.Notes.Add("Batch stages at the max rate, mean / p99 (ms): " + string.Join(", ", stagesAtMax.Select(p => $"{p.Key} {p.Value.MeanMs:0.0} / {p.Value.P99Ms:0.#}")));
        report.Notes.Add($"Batch stages at {options.Rate:0}/s, mean / p99 (ms): " + string.Join(", ", stagesAtRate.Select(p => $"{p.Key} {p.Value.MeanMs:0.0} / {p.Value.P99Ms:0.#}")));
        report.Notes.Add("CPU per comment at the max rate (ms): " + string.Join(", ", cpuPerComment.Select(p => $"{p.Key} {p.Value:0.000}")));
        report.Notes.Add($"CPU per comment at {options.Rate:0}/s (ms): " + string.Join(", ", cpuAtRate.Select(p => $"{p.Key} {p.Value:0.000}")));
        return report;
    }

    /// <summary>
    /// A service phase with where its CPU went (ms per comment, from /proc), its average batch size and, per batch
    /// stage (read, score, store, publish: <c>moderation_batch_stage_seconds</c>), the mean and p99 time of a batch.
    /// </summary>
    async Task<(PhaseResult Result, Dictionary<string, double> CpuPerComment, double BatchSize, Dictionary<string, (double MeanMs, double P99Ms)> Stages)> MeasuredPhaseAsync(
        string name, AnswerListener answers, SitePublisher site, int count, double rate, CancellationToken cancellationToken)
    {
        var cpuBefore = CpuAccounting.Snapshot(ServicePids());
        var before = await ScrapeAsync();
        var result = await PhaseAsync(name, answers, site, SubmitQueue, count, rate, cancellationToken);
        var cpu = CpuAccounting.PerComment(cpuBefore, CpuAccounting.Snapshot(ServicePids()), count);
        var after = await ScrapeAsync();
        var batches = after.BatchesScored - before.BatchesScored;
        return (result, cpu, batches > 0 ? count / batches : 0, after.StagesSince(before));
    }

    /// <summary>
    /// What the replicas' /metrics say so far: batches scored (the count of the per-batch scoring histogram; comments
    /// divided by its growth over a phase is the phase's average batch size) and the batch-stage histograms.
    /// </summary>
    async Task<MetricsScrape> ScrapeAsync()
    {
        var scrape = new MetricsScrape();
        foreach (var replica in _replicas)
        {
            try
            {
                scrape.Add(await replica.Http.GetStringAsync("metrics"));
            }
            catch (HttpRequestException)
            {
                // A replica that does not answer adds nothing; the figures are then lower bounds.
            }
        }

        return scrape;
    }

    IEnumerable<int> ServicePids() => _replicas.Select(r => r.Pid).OfType<int>();

    // ---------------------------------------------------------------------------------------------------------------
    // Faults

    /// <summary>SIGKILL the (first) replica three times while comments flow; a supervisor starts it again each time.</summary>
    async Task<RunReport> KillServiceAsync(CancellationToken cancellationToken)
    {
        await StartReplicasAsync(options.Replicas);
        var kills = 0;
        var (result, tracker) = await FaultPhaseAsync("kill-service", options.FaultCount, async tracker =>
        {
            foreach (var at in new[] { 0.2, 0.45, 0.7 })
            {
                await WaitAnsweredFractionAsync(tracker, at, cancellationToken);
                await _replicas[0].KillAsync();
                kills++;
                log.WriteLine($"  SIGKILL replica 1 at {tracker.Answered}/{tracker.Count} answered; starting it again");
                await Task.Delay(500, cancellationToken);
                _replicas[0].Start();
            }
        }, cancellationToken);

        var report = await FaultReportAsync("kill-service", result, tracker);
        report.Fields["kills"] = kills;
        report.Fields["pass"] = kills == 3 && (long)report.Fields["lost"] == 0 && (long)report.Fields["db_not_exactly_one"] == 0;
        return report;
    }

    /// <summary>Stops RabbitMQ (gracefully) mid-run and starts it again; the service must reconnect by itself.</summary>
    async Task<RunReport> RestartRabbitMqAsync(CancellationToken cancellationToken)
    {
        await StartReplicasAsync(options.Replicas);
        var outage = TimeSpan.Zero;
        var (result, tracker) = await FaultPhaseAsync("restart-rabbitmq", options.FaultCount, async tracker =>
        {
            await WaitAnsweredFractionAsync(tracker, 0.3, cancellationToken);
            log.WriteLine($"  stopping RabbitMQ at {tracker.Answered}/{tracker.Count} answered");
            var stopped = Stopwatch.StartNew();
            await ShellAsync(Required("MODERATION_TEST_RABBITMQ_STOP"), cancellationToken);
            await Task.Delay(3000, cancellationToken);
            await ShellAsync(Required("MODERATION_TEST_RABBITMQ_START"), cancellationToken);
            outage = stopped.Elapsed;
            log.WriteLine($"  RabbitMQ back after {outage.TotalSeconds:0.0} s");
        }, cancellationToken);

        var report = await FaultReportAsync("restart-rabbitmq", result, tracker);
        report.Fields["broker_outage_s"] = Math.Round(outage.TotalSeconds, 1);
        report.Fields["service_restarts"] = _replicas.Sum(r => r.Starts - 1);
        report.Fields["pass"] = (long)report.Fields["lost"] == 0 && (long)report.Fields["db_not_exactly_one"] == 0 && _replicas.All(r => r.Starts == 1);
        return report;
    }

    /// <summary>Stops PostgreSQL for <see cref="LoadOptions.PostgresDownFor"/>; readiness must drop and come back.</summary>
    async Task<RunReport> PostgresDownAsync(CancellationToken cancellationToken)
    {
        await StartReplicasAsync(options.Replicas);
        double notReadyAfter = -1, readyAgainAfter = -1;
        var (result, tracker) = await FaultPhaseAsync("postgres-down", options.FaultCount, async tracker =>
        {
            await WaitAnsweredFractionAsync(tracker, 0.3, cancellationToken);
            log.WriteLine($"  stopping PostgreSQL for {options.PostgresDownFor.TotalSeconds:0} s at {tracker.Answered}/{tracker.Count} answered");
            var down = Stopwatch.StartNew();
            await ShellAsync(Required("MODERATION_TEST_POSTGRES_STOP"), cancellationToken);
            while (down.Elapsed < options.PostgresDownFor)
            {
                if (notReadyAfter < 0 && !await _replicas[0].IsReadyAsync())
                {
                    notReadyAfter = down.Elapsed.TotalSeconds;
                    log.WriteLine($"  /health/ready not ready after {notReadyAfter:0.0} s");
                }

                await Task.Delay(250, cancellationToken);
            }

            await ShellAsync(Required("MODERATION_TEST_POSTGRES_START"), cancellationToken);
            var up = Stopwatch.StartNew();
            while (up.Elapsed < TimeSpan.FromSeconds(120) && !await _replicas[0].IsReadyAsync())
            {
                await Task.Delay(250, cancellationToken);
            }

            readyAgainAfter = up.Elapsed.TotalSeconds;
            log.WriteLine($"  PostgreSQL up again; /health/ready ready {readyAgainAfter:0.0} s later");
        }, cancellationToken);

        var report = await FaultReportAsync("postgres-down", result, tracker);
        report.Fields["postgres_down_s"] = options.PostgresDownFor.TotalSeconds;
        report.Fields["not_ready_after_s"] = Math.Round(notReadyAfter, 1);
        report.Fields["ready_again_after_s"] = Math.Round(readyAgainAfter, 1);
        report.Fields["service_restarts"] = _replicas.Sum(r => r.Starts - 1);
        report.Fields["pass"] = (long)report.Fields["lost"] == 0 && (long)report.Fields["db_not_exactly_one"] == 0
            && notReadyAfter >= 0 && readyAgainAfter < 120 && _replicas.All(r => r.Starts == 1);
        return report;
    }

    /// <summary>20 kinds of bad input, interleaved with valid comments; every message must be answered.</summary>
    async Task<RunReport> BadInputAsync(CancellationToken cancellationToken)
    {
        await StartReplicasAsync(options.Replicas);
        var kinds = BadInput.Kinds;
        var total = kinds.Count * options.BadPerKind;
        var phaseId = NextPhaseId();
        var tracker = new AnswerTracker(phaseId, total);
        var generator = new CommentGenerator(42, phaseId);
        var untracked = 0;
        var started = Stopwatch.GetTimestamp();
        await using (var answers = await AnswerListener.StartAsync(_bed.RabbitMq, AnswersQueue, bindServiceExchanges: true))
        await using (var site = await SitePublisher.ConnectAsync(_bed.RabbitMq, 200))
        {
            answers.Track(tracker);
            var pending = new List<Task>();
            for (var i = 0; i < total; i++)
            {
                var kind = kinds[i % kinds.Count];
                tracker.MarkSent(i, Stopwatch.GetTimestamp());
                if (!kind.Tracked)
                {
                    untracked++;
                }

                await site.AcquireAsync(cancellationToken);
                pending.Add(site.PublishOneAsync(SubmitQueue, kind.Body(generator.CommentId(i)), cancellationToken, kind.ContentType));
            }

            await Task.WhenAll(pending);
            log.WriteLine($"  published {total} bad messages ({untracked} without a readable id)");
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < options.IdleTimeout && tracker.Answered + tracker.OtherRejections + tracker.OtherVerdicts < total)
            {
                await Task.Delay(500, cancellationToken);
            }

            await Task.Delay(1000, cancellationToken);
        }

        var result = tracker.Summarise("bad-input", started);
        var answeredTracked = tracker.Answered;
        var answeredUntracked = tracker.OtherRejections + tracker.OtherVerdicts;
        var trackedTotal = total - untracked;
        // Tracked kinds must be answered by id; the others may be answered by id (when their id was readable after
        // all) or without one, so they are counted together.
        var unanswered = tracker.Unanswered().ToList();
        var lostTracked = unanswered.Count(i => kinds[i % kinds.Count].Tracked);
        var untrackedWithoutIdAnswer = unanswered.Count(i => !kinds[i % kinds.Count].Tracked);
        var lost = lostTracked + Math.Max(0, untrackedWithoutIdAnswer - answeredUntracked);
        await Task.Delay(2000, cancellationToken); // the management API's queue figures refresh every second
        var live = await _replicas[0].IsLiveAsync();
        var ready = await _replicas[0].IsReadyAsync();
        var depth = await _bed.QueueDepthAsync(SubmitQueue);
        var skipped = await _bed.QueueDepthAsync(SubmitQueue + "_skipped");
        var perKind = kinds.Select((k, n) => (k.Name, Lost: k.Tracked ? tracker.Unanswered().Count(i => i % kinds.Count == n) : -1)).ToList();

        var report = new RunReport("bad-input");
        report.Phases.Add(result);
        report.Fields["sent"] = total;
        report.Fields["kinds"] = kinds.Count;
        report.Fields["lost"] = (long)lost;
        report.Fields["answered_tracked"] = answeredTracked;
        report.Fields["tracked"] = trackedTotal;
        report.Fields["answered_untracked"] = answeredUntracked;
        report.Fields["untracked"] = untracked;
        report.Fields["rejected_tracked"] = result.Rejected;
        report.Fields["crashes"] = _replicas.Sum(r => r.Starts - 1) + _replicas.Count(r => !r.IsRunning);
        report.Fields["live"] = live;
        report.Fields["ready"] = ready;
        report.Fields["queue_left"] = depth;
        report.Fields["skipped_queue"] = skipped;
        report.Fields["rss_mb"] = Math.Round(_replicas.Max(r => r.MaxRssBytes) / 1048576.0, 1);
        report.Fields["pass"] = lost == 0 && live && ready && depth == 0 && (int)report.Fields["crashes"] == 0;
        foreach (var (name, lostOfKind) in perKind.Where(k => k.Lost > 0))
        {
            report.Notes.Add($"{name}: {lostOfKind} unanswered");
        }

        return report;
    }

    /// <summary>A long run at a steady rate: latency and memory per minute must stay flat.</summary>
    async Task<RunReport> SoakAsync(CancellationToken cancellationToken)
    {
        await StartReplicasAsync(options.Replicas);
        var rate = options.SoakRate;
        await using var answers = await AnswerListener.StartAsync(_bed.RabbitMq, AnswersQueue, bindServiceExchanges: true);
        await using var site = await SitePublisher.ConnectAsync(_bed.RabbitMq, options.Window);
        await PhaseAsync("soak warm-up", answers, site, SubmitQueue, options.Warmup, 0, cancellationToken);
        await _bed.AnalyzeAsync();
        await Task.Delay(1000, cancellationToken);
        if (rate <= 0)
        {
            var max = await PhaseAsync("soak max-rate probe", answers, site, SubmitQueue, Math.Max(options.Warmup, 5000), 0, cancellationToken);
            rate = Math.Round(max.Throughput / 2 / 10) * 10;
            log.WriteLine($"  soak rate: half the measured maximum = {rate:0}/s");
        }

        await Task.Delay(2000, cancellationToken);
        var count = (int)(rate * options.SoakDuration.TotalSeconds);
        var phaseId = NextPhaseId();
        var tracker = new AnswerTracker(phaseId, count);
        var generator = new CommentGenerator(7, phaseId);
        answers.Track(tracker);
        var rssBefore = _replicas[0].RssSamples.Count;
        var started = Stopwatch.GetTimestamp();
        // /metrics at every minute of the soak: where each minute's batches spent their time, next to its latency.
        using var scraping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var scrapes = new List<MetricsScrape> { await ScrapeAsync() };
        var scraper = Task.Run(async () =>
        {
            using var everyMinute = new PeriodicTimer(TimeSpan.FromMinutes(1));
            while (await everyMinute.WaitForNextTickAsync(scraping.Token))
            {
                scrapes.Add(await ScrapeAsync());
            }
        }, CancellationToken.None);
        var publishing = site.RunAsync(SubmitQueue, count, rate, generator.NextBody, tracker, cancellationToken);
        await WaitAnsweredAsync("soak", tracker, publishing, cancellationToken);
        await publishing;
        await scraping.CancelAsync();
        await scraper.ContinueWith(_ => { }, TaskScheduler.Default);
        var result = tracker.Summarise($"soak {rate:0}/s", started);

        var report = new RunReport("soak");
        report.Phases.Add(result);
        var minutes = (int)Math.Ceiling(options.SoakDuration.TotalMinutes);
        var windows = new List<(int Minute, int Count, double P50, double P99, double Max, double RssMb)>();
        List<(double Seconds, long RssBytes)> samples;
        lock (_replicas[0].RssSamples)
        {
            samples = _replicas[0].RssSamples.Skip(rssBefore).ToList();
        }

        var soakStartSeconds = samples.Count > 0 ? samples[0].Seconds : 0;
        for (var m = 0; m < minutes; m++)
        {
            var from = started + (long)(m * 60.0 * Stopwatch.Frequency);
            var to = started + (long)((m + 1) * 60.0 * Stopwatch.Frequency);
            var latencies = tracker.LatenciesSentBetween(from, to);
            var rssInMinute = samples.Where(s => s.Seconds >= soakStartSeconds + m * 60 && s.Seconds < soakStartSeconds + (m + 1) * 60).Select(s => s.RssBytes).DefaultIfEmpty(0).Max();
            windows.Add((m + 1, latencies.Count, AnswerTracker.Percentile(latencies, 0.5), AnswerTracker.Percentile(latencies, 0.99), latencies.Count > 0 ? latencies[^1] : 0, rssInMinute / 1048576.0));
        }

        // Batch stages per minute: mean ms of a batch (the scrapes are a minute apart, but not aligned with the
        // minutes of sending: a batch's stages land in the scrape after it ran).
        report.Notes.Add("minute  comments  p50_ms  p99_ms  max_ms  rss_mb  batch  read_ms  score_ms  store_ms  publish_ms");
        foreach (var w in windows)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{w.Minute,6}  {w.Count,8}  {w.P50,6:0.0}  {w.P99,6:0.0}  {w.Max,6:0.0}  {w.RssMb,6:0.0}");
            if (w.Minute < scrapes.Count)
            {
                var (from, to) = (scrapes[w.Minute - 1], scrapes[w.Minute]);
                var stages = to.StagesSince(from);
                var batches = to.BatchesScored - from.BatchesScored;
                double Mean(string stage) => stages.TryGetValue(stage, out var s) ? s.MeanMs : double.NaN;
                line += string.Create(CultureInfo.InvariantCulture,
                    $"  {(batches > 0 ? w.Count / batches : 0),5:0.0}  {Mean("read"),7:0.00}  {Mean("score"),8:0.00}  {Mean("store"),8:0.00}  {Mean("publish"),10:0.00}");
            }

            report.Notes.Add(line);
        }

        // Flat means no upward trend: the median minute of the last third against the median minute of the first
        // third, for p50, p99 and RSS. Single slow minutes (a checkpoint, autovacuum) are in the table and in
        // worst_minute_p99_ms, but do not decide. (Comparing only the first and the last minute passed a run whose
        // first minute queued.)
        var filled = windows.Where(w => w.Count > 0).ToList();
        var third = Math.Max(1, filled.Count / 3);
        var head = filled.Take(third).ToList();
        var tail = filled.Skip(filled.Count - third).ToList();
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var (headP50, tailP50) = (Median(head.Select(w => w.P50)), Median(tail.Select(w => w.P50)));
        var (headP99, tailP99) = (Median(head.Select(w => w.P99)), Median(tail.Select(w => w.P99)));
        var (headRss, tailRss) = (Median(head.Select(w => w.RssMb)), Median(tail.Select(w => w.RssMb)));
        report.Fields["rate"] = rate;
        report.Fields["minutes"] = options.SoakDuration.TotalMinutes;
        report.Fields["lost"] = (long)result.Lost;
        report.Fields["duplicated"] = result.Duplicated;
        report.Fields["p50_ms"] = Math.Round(result.P50, 2);
        report.Fields["p99_ms"] = Math.Round(result.P99, 2);
        report.Fields["first_third_p50_ms"] = Math.Round(headP50, 2);
        report.Fields["last_third_p50_ms"] = Math.Round(tailP50, 2);
        report.Fields["first_third_p99_ms"] = Math.Round(headP99, 2);
        report.Fields["last_third_p99_ms"] = Math.Round(tailP99, 2);
        report.Fields["worst_minute_p99_ms"] = Math.Round(filled.Max(w => w.P99), 2);
        report.Fields["first_third_rss_mb"] = Math.Round(headRss, 1);
        report.Fields["last_third_rss_mb"] = Math.Round(tailRss, 1);
        report.Fields["max_rss_mb"] = Math.Round(_replicas.Max(r => r.MaxRssBytes) / 1048576.0, 1);
        report.Fields["pass"] = result.Lost == 0
            && tailRss <= headRss * 1.25 + 20
            && tailP50 <= headP50 * 1.5 + 5
            && tailP99 <= headP99 * 2 + 20;
        return report;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Building blocks

    async Task StartReplicasAsync(int count)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = _bed.RabbitMq.ToString(),
            ["ConnectionStrings__Postgres"] = _bed.Postgres,
            ["Moderation__Model__Watch"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in options.ServiceEnvironment)
        {
            environment[key] = value;
        }

        for (var n = 1; n <= count; n++)
        {
            var replica = new ServiceReplica(n, options.ServiceDll, environment, options.LogDirectory);
            _replicas.Add(replica);
            replica.Start();
            // One at a time: the first applies the migrations, the others find them done.
            await replica.WaitReadyAsync(TimeSpan.FromSeconds(120));
        }

        log.WriteLine($"  {count} replica(s) ready (ports {string.Join(", ", _replicas.Select(r => r.Port))}); logs in {options.LogDirectory}");
    }

    string NextPhaseId() => $"{_runId}p{++_phase}";

    async Task<PhaseResult> PhaseAsync(string name, AnswerListener answers, SitePublisher site, string queue, int count, double rate, CancellationToken cancellationToken)
    {
        var phaseId = NextPhaseId();
        var tracker = new AnswerTracker(phaseId, count);
        var generator = new CommentGenerator(1234 + _phase, phaseId);
        answers.Track(tracker);
        var started = Stopwatch.GetTimestamp();
        var publishing = site.RunAsync(queue, count, rate, generator.NextBody, tracker, cancellationToken);
        await WaitAnsweredAsync(name, tracker, publishing, cancellationToken);
        await publishing;
        // Late duplicates (a redelivery, a second replica) still count.
        await Task.Delay(500, cancellationToken);
        var result = tracker.Summarise(name, started);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-22} {result.Throughput,8:0}/s  p50 {result.P50,7:0.0} ms  p99 {result.P99,8:0.0} ms  lost {result.Lost}  dup {result.Duplicated}"));
        return result;
    }

    async Task<(PhaseResult Result, AnswerTracker Tracker)> FaultPhaseAsync(string name, int count, Func<AnswerTracker, Task> fault, CancellationToken cancellationToken)
    {
        await using var answers = await AnswerListener.StartAsync(_bed.RabbitMq, AnswersQueue, bindServiceExchanges: true);
        await using var site = await SitePublisher.ConnectAsync(_bed.RabbitMq, options.Window);
        var phaseId = NextPhaseId();
        var tracker = new AnswerTracker(phaseId, count);
        var generator = new CommentGenerator(99, phaseId);
        answers.Track(tracker);
        var started = Stopwatch.GetTimestamp();
        var publishing = site.RunAsync(SubmitQueue, count, options.FaultRate, generator.NextBody, tracker, cancellationToken);
        var injecting = fault(tracker);
        await WaitAnsweredAsync(name, tracker, Task.WhenAll(publishing, injecting), cancellationToken);
        await publishing;
        await injecting;
        await Task.Delay(2000, cancellationToken);
        var result = tracker.Summarise(name, started);
        log.WriteLine($"  republished by the site: {site.Republished}");
        return (result, tracker);
    }

    async Task<RunReport> FaultReportAsync(string name, PhaseResult result, AnswerTracker tracker)
    {
        var (stored, notExactlyOne) = await CheckStoredAsync(tracker);
        await Task.Delay(2000); // the management API's queue figures refresh every second
        var report = new RunReport(name);
        report.Phases.Add(result);
        report.Fields["sent"] = result.Sent;
        report.Fields["lost"] = (long)result.Lost;
        report.Fields["duplicated_verdicts"] = result.Duplicated;
        report.Fields["db_comments"] = stored;
        report.Fields["db_not_exactly_one"] = notExactlyOne;
        report.Fields["queue_left"] = await _bed.QueueDepthAsync(SubmitQueue);
        report.Fields["error_queue"] = await _bed.QueueDepthAsync(SubmitQueue + "_error");
        report.Fields["throughput"] = Math.Round(result.Throughput, 1);
        report.Fields["p99_ms"] = Math.Round(result.P99, 1);
        report.Fields["rss_mb"] = Math.Round(_replicas.Max(r => r.MaxRssBytes) / 1048576.0, 1);
        foreach (var index in tracker.Unanswered().Take(10))
        {
            report.Notes.Add($"unanswered: index {index}");
        }

        return report;
    }

    /// <summary>
    /// Counts the run's comments in PostgreSQL and those without exactly one automatic (revision 1, system) decision:
    /// a crash between store and publish must neither lose nor double a verdict.
    /// </summary>
    async Task<(long Stored, long NotExactlyOne)> CheckStoredAsync(AnswerTracker tracker)
    {
        var prefix = $"lt-{tracker.RunId}-";
        await using var connection = new NpgsqlConnection(_bed.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*),
                   count(*) FILTER (WHERE (SELECT count(*) FROM decisions d
                                           WHERE d."CommentRecordId" = c."Id" AND d."Revision" = 1 AND d."DecidedBy" = 'system') <> 1)
            FROM comments c WHERE c."SiteId" = @site AND c."CommentId" LIKE @prefix
            """, connection);
        command.Parameters.AddWithValue("site", CommentGenerator.SiteId);
        command.Parameters.AddWithValue("prefix", prefix + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var stored = reader.GetInt64(0);
        var bad = reader.GetInt64(1) + Math.Abs(tracker.Count - stored);
        return (stored, bad);
    }

    async Task WaitAnsweredAsync(string name, AnswerTracker tracker, Task publishing, CancellationToken cancellationToken)
    {
        var lastAnswered = -1;
        var lastProgress = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        while (!tracker.AllAnswered.IsCompleted)
        {
            await Task.WhenAny(tracker.AllAnswered, Task.Delay(250, cancellationToken));
            if (publishing.IsFaulted)
            {
                await publishing;
            }

            if (tracker.Answered != lastAnswered)
            {
                lastAnswered = tracker.Answered;
                lastProgress.Restart();
            }
            else if (lastProgress.Elapsed > options.IdleTimeout && publishing.IsCompleted)
            {
                log.WriteLine($"  {name}: no answer for {options.IdleTimeout.TotalSeconds:0} s; {tracker.Count - tracker.Answered} unanswered");
                return;
            }

            if (lastReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                lastReport.Restart();
                log.WriteLine($"  {name}: {tracker.Answered}/{tracker.Count} answered, queue {await _bed.QueueDepthAsync(SubmitQueue)}");
            }
        }
    }

    static async Task WaitAnsweredFractionAsync(AnswerTracker tracker, double fraction, CancellationToken cancellationToken)
    {
        while (tracker.Answered < tracker.Count * fraction)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{variable} is not set: fault runs need the servers of scripts/servers.sh (source its env.sh)");

    async Task ShellAsync(string command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({process.ExitCode}): {await output}");
        }
    }

    static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
