using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Moderation.Classifier;
using Moderation.Contracts;
using Moderation.Service.Comments;
using Moderation.Service.Data;
using Moderation.Service.Observability;
using Moderation.Service.Policies;
using Npgsql;

namespace Moderation.Service.Ingestion;

/// <summary>
/// The moderation pipeline shared by the bus consumer and <c>POST /api/comments</c>:
/// validate → dedupe on (SiteId, CommentId) → classify → policy → store. Publishing is the caller's job, so a
/// redelivered message finds the stored decision and publishes it again (at-least-once without an outbox).
/// Works on batches so the bus path can score and write many comments at once.
/// </summary>
public sealed class CommentIngestion(
    ModerationDbContext db,
    CommentClassifier classifier,
    SitePolicyStore policies,
    ModerationSignals signals,
    CampaignIndex campaignIndex,
    PersonalDataHasher hasher,
    ModerationMetrics metrics,
    TimeProvider time,
    ILogger<CommentIngestion> logger)
{
    public const string SystemDecider = "system";

    public async Task<IngestionOutcome> IngestAsync(SubmitComment submission, string channel, CancellationToken cancellationToken) =>
        (await IngestAsync([submission], channel, cancellationToken))[0];

    public async Task<IReadOnlyList<IngestionOutcome>> IngestAsync(IReadOnlyList<SubmitComment> submissions, string channel, CancellationToken cancellationToken)
    {
        var outcomes = new IngestionOutcome[submissions.Count];
        var now = time.GetUtcNow();
        var valid = new List<int>(submissions.Count);
        for (var i = 0; i < submissions.Count; i++)
        {
            metrics.Received(SiteIds.IsValid(submissions[i].SiteId) ? submissions[i].SiteId : "invalid", channel);
            var errors = SubmissionValidator.Validate(submissions[i]);
            if (errors.Count == 0)
            {
                valid.Add(i);
                continue;
            }

            var rejection = new SubmissionReadResult(submissions[i], errors).ToRejection(now);
            outcomes[i] = IngestionOutcome.Rejected(rejection);
            metrics.Invalid(channel, errors);
            logger.LogInformation(
                "Submission {SiteId}/{CommentId} rejected: {ErrorKinds}",
                rejection.SiteId, rejection.CommentId, string.Join(", ", errors.Select(e => $"{e.Field}:{e.Kind}")));
        }

        if (valid.Count > 0)
        {
            await ModerateAsync(submissions, valid, channel, outcomes, now, cancellationToken);
        }

        return outcomes;
    }

    async Task ModerateAsync(
        IReadOnlyList<SubmitComment> submissions, List<int> valid, string channel, IngestionOutcome[] outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await ModerateOnPostgresAsync(submissions, valid, channel, outcomes, now, cancellationToken);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await LoadExistingAsync(submissions, valid, cancellationToken);
            var fresh = new List<int>();
            var firstOfKey = new Dictionary<(string, string), int>();
            foreach (var i in valid)
            {
                var key = (submissions[i].SiteId, submissions[i].CommentId);
                if (existing.TryGetValue(key, out var stored))
                {
                    outcomes[i] = IngestionOutcome.Moderated(stored.ToVerdict(), isDuplicate: true);
                }
                else if (firstOfKey.TryAdd(key, i))
                {
                    fresh.Add(i);
                }
            }

            if (fresh.Count == 0)
            {
                FillRepeatsWithinBatch(submissions, valid, outcomes, firstOfKey);
                return;
            }

            var records = await DecideAsync(submissions, fresh, channel, now, cancellationToken);
            db.Comments.AddRange(records);
            try
            {
                var storeStarted = Stopwatch.GetTimestamp();
                await db.SaveChangesAsync(cancellationToken);
                metrics.StageTook(ModerationMetrics.Stage.Store, Stopwatch.GetElapsedTime(storeStarted));
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex) && attempt < 3)
            {
                // Another replica stored one of these comments first: load its decision instead of ours.
                logger.LogInformation("Concurrent submission of the same comment detected; using the stored decision");
                db.ChangeTracker.Clear();
                continue;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }

            for (var n = 0; n < fresh.Count; n++)
            {
                outcomes[fresh[n]] = IngestionOutcome.Moderated(records[n].ToVerdict(), isDuplicate: false);
            }

            FillRepeatsWithinBatch(submissions, valid, outcomes, firstOfKey);
            return;
        }
    }

    /// <summary>
    /// The PostgreSQL path: one round trip reads everything the batch needs (stored duplicates, bans, author history,
    /// campaign candidates; see <see cref="PostgresBatchReader"/>), one statement stores it. Same decisions as the EF
    /// Core path; a batch costs two database round trips whatever its size.
    /// </summary>
    async Task ModerateOnPostgresAsync(
        IReadOnlyList<SubmitComment> submissions, List<int> valid, string channel, IngestionOutcome[] outcomes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var firstOfKey = new Dictionary<(string, string), int>();
        var unique = valid.Where(i => firstOfKey.TryAdd((submissions[i].SiteId, submissions[i].CommentId), i)).ToList();
        var policyBySite = await PoliciesAsync(unique.Select(i => submissions[i].SiteId), cancellationToken);
        var texts = unique.Select(i => TextNormalizer.Normalize(submissions[i].Text)).ToList();
        var fingerprints = texts.Select(t => SimHash.Compute(t.Text)).ToList();
        var readStarted = Stopwatch.GetTimestamp();
        var reads = await PostgresBatchReader.ReadAsync(
            db,
            campaignIndex,
            unique.Select((i, n) => new PostgresBatchReader.Item(submissions[i].SiteId, submissions[i].CommentId, submissions[i].AuthorId, fingerprints[n], policyBySite[submissions[i].SiteId])).ToList(),
            now.UtcDateTime,
            cancellationToken);
        metrics.StageTook(ModerationMetrics.Stage.Read, Stopwatch.GetElapsedTime(readStarted));

        if (reads.Existing.Count > 0)
        {
            var existing = await LoadExistingAsync(submissions, unique.Where(i => reads.Existing.Contains((submissions[i].SiteId, submissions[i].CommentId))).ToList(), cancellationToken);
            foreach (var i in unique)
            {
                if (existing.TryGetValue((submissions[i].SiteId, submissions[i].CommentId), out var stored))
                {
                    outcomes[i] = IngestionOutcome.Moderated(stored.ToVerdict(), isDuplicate: true);
                }
            }
        }

        var freshPositions = Enumerable.Range(0, unique.Count).Where(n => outcomes[unique[n]] is null).ToList();
        if (freshPositions.Count > 0)
        {
            var fresh = freshPositions.Select(n => unique[n]).ToList();
            var batch = fresh.Select(i => submissions[i]).ToList();
            var freshTexts = freshPositions.Select(n => texts[n]).ToList();
            var freshFingerprints = freshPositions.Select(n => fingerprints[n]).ToList();
            var classifications = Classify(freshTexts);
            var campaigns = ModerationSignals.MatchCampaigns(
                batch.Select((s, n) => (s.SiteId, s.AuthorId, freshFingerprints[n], policyBySite[s.SiteId])).ToList(), reads.Candidates);
            var records = Decide(batch, freshTexts, freshFingerprints, classifications, reads.Authors, campaigns, policyBySite, channel, now);
            await StoreOnPostgresAsync(records, fresh, outcomes, cancellationToken);
        }

        FillRepeatsWithinBatch(submissions, valid, outcomes, firstOfKey);
    }

    /// <summary>
    /// One statement stores the whole batch (see <see cref="PostgresCommentWriter"/>). A comment another replica stored
    /// meanwhile is skipped by the database; its stored decision is what this replica publishes too.
    /// </summary>
    async Task StoreOnPostgresAsync(
        List<CommentRecord> records, List<int> fresh, IngestionOutcome[] outcomes, CancellationToken cancellationToken)
    {
        var storeStarted = Stopwatch.GetTimestamp();
        var stored = await PostgresCommentWriter.InsertAsync(db, records, cancellationToken);
        metrics.StageTook(ModerationMetrics.Stage.Store, Stopwatch.GetElapsedTime(storeStarted));
        var skipped = new List<CommentRecord>();
        for (var n = 0; n < fresh.Count; n++)
        {
            if (stored.Contains((records[n].SiteId, records[n].CommentId)))
            {
                outcomes[fresh[n]] = IngestionOutcome.Moderated(records[n].ToVerdict(), isDuplicate: false);
            }
            else
            {
                skipped.Add(records[n]);
            }
        }

        if (skipped.Count == 0)
        {
            return;
        }

        logger.LogInformation("{Count} comments were stored concurrently by another replica; using their stored decisions", skipped.Count);
        var siteIds = skipped.Select(r => r.SiteId).Distinct().ToList();
        var commentIds = skipped.Select(r => r.CommentId).Distinct().ToList();
        var existing = (await db.Comments.AsNoTracking()
                .Where(c => siteIds.Contains(c.SiteId) && commentIds.Contains(c.CommentId))
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.SiteId, c.CommentId));
        for (var n = 0; n < fresh.Count; n++)
        {
            if (outcomes[fresh[n]] is null)
            {
                // The other replica's row is committed (the conflict proved it), so it is there to read.
                outcomes[fresh[n]] = IngestionOutcome.Moderated(existing[(records[n].SiteId, records[n].CommentId)].ToVerdict(), isDuplicate: true);
            }
        }
    }

    async Task<List<CommentRecord>> DecideAsync(
        IReadOnlyList<SubmitComment> submissions, List<int> fresh, string channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = fresh.Select(i => submissions[i]).ToList();
        var texts = batch.Select(s => TextNormalizer.Normalize(s.Text)).ToList();
        var classifications = Classify(texts);
        var policyBySite = await PoliciesAsync(batch.Select(s => s.SiteId), cancellationToken);
        var fingerprints = texts.Select(t => SimHash.Compute(t.Text)).ToList();
        var readStarted = Stopwatch.GetTimestamp();
        var authors = await signals.LoadAuthorsAsync(db, batch.Select(s => (s.SiteId, s.AuthorId, policyBySite[s.SiteId])), cancellationToken);
        var campaigns = await signals.FindCampaignsAsync(
            db, batch.Select((s, n) => (s.SiteId, s.AuthorId, fingerprints[n], policyBySite[s.SiteId])).ToList(), cancellationToken);
        metrics.StageTook(ModerationMetrics.Stage.Read, Stopwatch.GetElapsedTime(readStarted));
        return Decide(batch, texts, fingerprints, classifications, authors, campaigns, policyBySite, channel, now);
    }

    // Takes the normalised texts the word lists and fingerprints use too, so each comment is normalised once.
    IReadOnlyList<Classification> Classify(List<NormalizedText> texts)
    {
        var started = Stopwatch.GetTimestamp();
        var classifications = classifier.ClassifyBatch(texts);
        var took = Stopwatch.GetElapsedTime(started);
        metrics.ScoringTook(took / texts.Count);
        metrics.StageTook(ModerationMetrics.Stage.Score, took);
        foreach (var scores in classifications.Select(c => c.Scores))
        {
            metrics.Scored(scores.Spam, scores.Abuse, scores.Hate);
        }

        return classifications;
    }

    async Task<Dictionary<string, CompiledPolicy>> PoliciesAsync(IEnumerable<string> siteIds, CancellationToken cancellationToken)
    {
        var policyBySite = new Dictionary<string, CompiledPolicy>(StringComparer.Ordinal);
        foreach (var siteId in siteIds.Distinct())
        {
            policyBySite[siteId] = await policies.GetAsync(db, siteId, cancellationToken);
        }

        return policyBySite;
    }

    List<CommentRecord> Decide(
        List<SubmitComment> batch, List<NormalizedText> texts, List<long> fingerprints, IReadOnlyList<Classification> classifications,
        Dictionary<(string Site, string Author), AuthorSignals> authors, CampaignMatch?[] campaigns, Dictionary<string, CompiledPolicy> policyBySite,
        string channel, DateTimeOffset now)
    {
        var records = new List<CommentRecord>(batch.Count);
        for (var n = 0; n < batch.Count; n++)
        {
            var submission = batch[n];
            var facts = new CommentFacts(submission.AuthorId, texts[n], authors[(submission.SiteId, submission.AuthorId)], campaigns[n]);
            var decision = PolicyEvaluator.Evaluate(facts, classifications[n], policyBySite[submission.SiteId]);
            records.Add(NewRecord(submission, channel, classifications[n], decision, fingerprints[n], now));
        }

        return records;
    }

    CommentRecord NewRecord(
        SubmitComment submission, string channel, Classification classification, PolicyDecision decision, long fingerprint, DateTimeOffset now)
    {
        var reasonsJson = ReasonsJson.Serialize(decision.Reasons);
        var decidedAt = StoredTime.Of(now);
        var scores = classification.Scores;
        var record = new CommentRecord
        {
            SiteId = submission.SiteId,
            CommentId = submission.CommentId,
            ArticleId = submission.ArticleId,
            ArticleUrl = submission.ArticleUrl,
            ParentCommentId = submission.ParentCommentId,
            AuthorId = submission.AuthorId,
            AuthorName = submission.AuthorName,
            AuthorEmailHash = hasher.HashEmail(submission.AuthorEmail),
            AuthorIpHash = hasher.HashIp(submission.AuthorIp),
            UserAgent = submission.UserAgent,
            Referrer = submission.Referrer,
            Text = submission.Text,
            Language = submission.Language,
            Channel = channel,
            SubmittedAt = submission.SubmittedAt == default ? decidedAt : StoredTime.Of(submission.SubmittedAt),
            ReceivedAt = decidedAt,
            Spam = scores.Spam,
            Abuse = scores.Abuse,
            Hate = scores.Hate,
            Risk = Math.Max(scores.Spam, Math.Max(scores.Abuse, scores.Hate)),
            ModelVersion = classification.ModelVersion,
            Status = decision.Status,
            Revision = 1,
            DecidedBy = SystemDecider,
            DecidedAt = decidedAt,
            ReasonsJson = reasonsJson,
            ReasonCodes = ReasonsJson.Codes(decision.Reasons),
            Fingerprint = fingerprint,
        };
        record.Decisions.Add(new DecisionRecord
        {
            Revision = 1,
            Status = decision.Status,
            DecidedBy = SystemDecider,
            DecidedAt = decidedAt,
            ReasonsJson = reasonsJson,

            // A bus message is redelivered until its verdict is out; HTTP submissions rely on DecisionRepublisher.
            PublishedAt = channel == SubmitCommentConsumer.Channel ? decidedAt : null,
        });
        return record;
    }

    async Task<Dictionary<(string, string), CommentRecord>> LoadExistingAsync(
        IReadOnlyList<SubmitComment> submissions, List<int> valid, CancellationToken cancellationToken)
    {
        var siteIds = valid.Select(i => submissions[i].SiteId).Distinct().ToList();
        var commentIds = valid.Select(i => submissions[i].CommentId).Distinct().ToList();
        var keys = valid.Select(i => (submissions[i].SiteId, submissions[i].CommentId)).ToHashSet();

        // One round trip for the whole batch; the in-memory filter drops cross-matches of site and comment ids.
        var candidates = await db.Comments.AsNoTracking()
            .Where(c => siteIds.Contains(c.SiteId) && commentIds.Contains(c.CommentId))
            .ToListAsync(cancellationToken);
        return candidates.Where(c => keys.Contains((c.SiteId, c.CommentId))).ToDictionary(c => (c.SiteId, c.CommentId));
    }

    static void FillRepeatsWithinBatch(
        IReadOnlyList<SubmitComment> submissions, List<int> valid, IngestionOutcome[] outcomes, Dictionary<(string, string), int> firstOfKey)
    {
        foreach (var i in valid)
        {
            if (outcomes[i] is null && firstOfKey.TryGetValue((submissions[i].SiteId, submissions[i].CommentId), out var first) && outcomes[first] is { } outcome)
            {
                outcomes[i] = outcome with { IsDuplicate = true };
            }
        }
    }

    static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
