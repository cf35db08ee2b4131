using System.Text.Json.Serialization;

namespace Moderation.Contracts;

/// <summary>What a site does with a comment. Serialised as a string (<c>"Approved"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModerationStatus>))]
public enum ModerationStatus
{
    /// <summary>Held for a moderator: do not show it yet.</summary>
    Pending = 0,

    /// <summary>Show it in the comment section.</summary>
    Approved = 1,

    /// <summary>Do not show it.</summary>
    Rejected = 2,
}
