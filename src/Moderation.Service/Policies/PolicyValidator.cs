namespace Moderation.Service.Policies;

/// <summary>Checks a policy an admin sends; every problem is listed under the field it belongs to.</summary>
public static class PolicyValidator
{
    public static Dictionary<string, string[]> Validate(SitePolicy policy)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        if (policy.Thresholds is { } t)
        {
            foreach (var (label, pair) in new[] { ("spam", t.Spam), ("abuse", t.Abuse), ("hate", t.Hate) })
            {
                if (pair is null)
                {
                    Add($"thresholds.{label}", "give review and reject for every label, or leave thresholds out to follow the model");
                }
                else if (pair.Review is < 0 or > 1 || pair.Reject is < 0 or > 1 || pair.Review > pair.Reject)
                {
                    Add($"thresholds.{label}", "review and reject must be probabilities with 0 ≤ review ≤ reject ≤ 1");
                }
            }
        }

        foreach (var (field, words) in new[] { ("bannedWords", policy.BannedWords), ("suspectWords", policy.SuspectWords) })
        {
            if (words is null)
            {
                Add(field, "must be a list (it may be empty)");
            }
            else if (words.Count > 2000 || words.Any(w => string.IsNullOrWhiteSpace(w) || w.Length > 200))
            {
                Add(field, "at most 2,000 entries of 1 to 200 characters");
            }
        }

        if (policy.MaxLinks is < 0)
        {
            Add("maxLinks", "must be 0 or more, or null for no limit");
        }

        if (policy.MaxContacts is < 0)
        {
            Add("maxContacts", "must be 0 or more, or null for no limit");
        }

        if (policy.TrustedAuthors is null || policy.TrustedAuthors.Count > 10_000)
        {
            Add("trustedAuthors", "must be a list of at most 10,000 author ids");
        }

        if (policy.NewAuthorApprovals is < 0 or > 1000)
        {
            Add("newAuthorApprovals", "must be between 0 (off) and 1,000");
        }

        if (policy.ReportsToReview is < 1 or > 10_000)
        {
            Add("reportsToReview", "must be between 1 and 10,000");
        }

        if (policy.Campaign is { } c && (c.MinAuthors is < 2 or > 1000 || c.WindowMinutes is < 1 or > 10_080 || c.MaxDistance is < 0 or > 7 || c.Action is not ("hold" or "reject")))
        {
            Add("campaign", "minAuthors 2–1,000, windowMinutes 1–10,080, maxDistance 0–7, action \"hold\" or \"reject\"");
        }

        if (policy.AuthorHistory is { } h && (h.WindowDays is < 1 or > 365 || h.MinDecided is < 1 or > 1000 || h.MaxRejectionRate is <= 0 or > 1))
        {
            Add("authorHistory", "windowDays 1–365, minDecided 1–1,000, maxRejectionRate above 0 and at most 1");
        }

        if (policy.Campaign is null || policy.AuthorHistory is null)
        {
            Add(policy.Campaign is null ? "campaign" : "authorHistory", "must be an object; leave the field out for the defaults");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
