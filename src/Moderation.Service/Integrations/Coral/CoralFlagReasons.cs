namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// The <c>COMMENT_FLAG_DETECTED_REASON</c> values Coral accepts from an external phase. Coral's enum has more
/// (<c>COMMENT_DETECTED_LINKS</c>, <c>…_BANNED_WORD</c>, <c>…_SUSPECT_WORD</c>, <c>…_RECENT_HISTORY</c>, …) but its
/// response validator (Joi, <c>stripUnknown</c>) allows only these two: a flag with another reason is never applied.
/// </summary>
public static class CoralFlagReasons
{
    public const string Toxic = "COMMENT_DETECTED_TOXIC";
    public const string Spam = "COMMENT_DETECTED_SPAM";
}
