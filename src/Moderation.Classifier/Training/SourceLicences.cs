namespace Moderation.Classifier.Training;

/// <summary>Licences of the known training sources (from the datasets' README), recorded in every model.</summary>
public static class SourceLicences
{
    /// <summary>The licence of a source, or a note that it is not a known public source.</summary>
    public static string Of(string source) => source switch
    {
        "ibrohim2019" => "CC BY-NC-SA 4.0 (non-commercial)",
        "sms_spam_id" => "CC BY-SA 4.0",
        "judol_yt_id" => "MIT",
        "youtube_spam_uci" => "CC BY 4.0",
        "sms_spam_uci" => "free use with copyright retained, cite; CC BY 4.0 on UCI",
        "davidson2017" => "MIT",
        _ => "not a known public source (e.g. moderator feedback): check before distributing",
    };
}
