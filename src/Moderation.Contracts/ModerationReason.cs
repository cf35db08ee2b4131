namespace Moderation.Contracts;

/// <summary>
/// Why a comment got its status. <see cref="Code"/> is stable and machine-readable, for example
/// <c>spam.model</c>, <c>abuse.model</c>, <c>hate.model</c>, <c>wordlist.banned</c>, <c>wordlist.suspect</c>,
/// <c>links.limit</c>, <c>campaign.duplicate</c>, <c>author.history</c>, <c>author.new</c>, <c>author.banned</c>,
/// <c>site.premoderation</c>, <c>reader.reports</c> and <c>moderator</c>.
/// </summary>
public sealed record ModerationReason
{
    /// <summary>The stable reason code.</summary>
    public required string Code { get; init; }

    /// <summary>Human-readable detail, for example the matched word or the cluster size. Optional.</summary>
    public string? Detail { get; init; }

    /// <summary>The parts of the original text (UTF-16 offsets into <c>Text</c> as submitted) that triggered the reason.</summary>
    public IReadOnlyList<TextSpan> Spans { get; init; } = [];
}
