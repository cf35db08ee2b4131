using Moderation.Contracts;

namespace Moderation.Testing;

/// <summary>Hand-written example comments (never rows of the shared datasets).</summary>
public static class SampleComments
{
    public const string Ordinary = "Beritanya bagus, semoga banjir cepat surut dan warga segera dapat bantuan.";
    public const string Gambling = "Lagi butuh cuan? Main slot gacor di JAYAWIN88, depo 10rb langsung maxwin! Daftar sekarang, WD pasti cair.";

    public static SubmitComment Submission(string text = Ordinary, string? commentId = null, string siteId = "portal-berita", string authorId = "reader-1") => new()
    {
        CommentId = commentId ?? $"c-{Guid.NewGuid():N}",
        SiteId = siteId,
        ArticleId = "artikel-banjir-2026",
        ArticleUrl = "https://portal.example/berita/banjir",
        AuthorId = authorId,
        AuthorName = "Budi",
        AuthorEmail = "budi@example.com",
        AuthorIp = "203.0.113.7",
        Text = text,
        Language = "id",
        SubmittedAt = DateTimeOffset.UtcNow,
    };
}
