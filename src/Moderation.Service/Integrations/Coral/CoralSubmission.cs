using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Moderation.Contracts;
using Moderation.Service.Ingestion;

namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// Turns Coral's request into a <see cref="SubmitComment"/> for the shared pipeline: site from the mapping (or the slug
/// of Coral's site id), article = story id (url kept), author = Coral user id, text = the body as text.
/// Coral sends no comment id (the phase runs before the comment exists), so the id is derived from what identifies
/// the comment: <c>coral-</c> + 128 bits of SHA-256 over tenant, site, story, author, parent and body. The same
/// request twice is therefore the same comment (one stored decision), and an edit (new body) is a new one.
/// </summary>
public static partial class CoralSubmission
{
    public const string CommentIdPrefix = "coral-";

    /// <summary>The submission, or the fields that are missing.</summary>
    public static (SubmitComment? Submission, IReadOnlyList<string> Missing) From(ExternalModerationRequest request, CoralOptions options, DateTimeOffset now)
    {
        var missing = new List<string>();
        Require(request.Comment?.Body, "comment.body", missing);
        Require(request.Author?.Id, "author.id", missing);
        Require(request.Story?.Id, "story.id", missing);
        Require(request.Site?.Id, "site.id", missing);
        if (missing.Count > 0)
        {
            return (null, missing);
        }

        var body = request.Comment!.Body!;
        return (new SubmitComment
        {
            CommentId = CommentId(request),
            SiteId = SiteId(request.Site!.Id!, options),
            ArticleId = request.Story!.Id!,
            ArticleUrl = string.IsNullOrWhiteSpace(request.Story.Url) ? null : request.Story.Url,
            ParentCommentId = string.IsNullOrWhiteSpace(request.Comment.ParentId) ? null : request.Comment.ParentId,
            AuthorId = request.Author!.Id!,
            Text = CoralText.FromBody(body),
            SubmittedAt = now,
        }, []);
    }

    /// <summary>Our site id for a Coral site: the configured one, else the slug of Coral's id.</summary>
    public static string SiteId(string coralSiteId, CoralOptions options)
    {
        // Configuration keys are case-insensitive everywhere else; so is this mapping.
        foreach (var (key, mapped) in options.SiteIds)
        {
            if (string.Equals(key, coralSiteId, StringComparison.OrdinalIgnoreCase))
            {
                return mapped;
            }
        }

        var slug = NotSlug().Replace(coralSiteId.Trim().ToLowerInvariant(), "-").TrimStart('-', '.', '_');
        slug = slug.Length > 64 ? slug[..64] : slug;
        return SiteIds.IsValid(slug) ? slug : "coral";
    }

    public static string CommentId(ExternalModerationRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var part in new[] { request.TenantId, request.Site?.Id, request.Story?.Id, request.Author?.Id, request.Comment?.ParentId, request.Comment?.Body })
        {
            // Length-prefixed, so no two different requests hash the same parts.
            var bytes = Encoding.UTF8.GetBytes(part ?? "");
            BinaryPrimitives.WriteInt32BigEndian(length, part is null ? -1 : bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return CommentIdPrefix + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    static void Require(string? value, string field, List<string> missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(field);
        }
    }

    [GeneratedRegex("[^a-z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();
}
