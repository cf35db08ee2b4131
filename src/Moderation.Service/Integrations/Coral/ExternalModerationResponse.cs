using System.Text.Json.Serialization;

namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// The answer Coral accepts from an external moderation phase (coralproject/talk
/// <c>server/src/core/server/services/comments/pipeline/phases/external.ts</c>, <c>ExternalModerationResponseSchema</c>).
/// Coral validates it (Joi, <c>stripUnknown</c>): a status outside its list makes Coral ignore the answer, flags with
/// other reasons are never applied, and fields it does not know are stripped.
/// </summary>
public sealed record ExternalModerationResponse
{
    /// <summary>Flags to add to the comment; Coral accepts <c>FLAG</c> with <see cref="CoralFlagReasons.Toxic"/> or <see cref="CoralFlagReasons.Spam"/>.</summary>
    [JsonPropertyName("actions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FlagAction>? Actions { get; init; }

    /// <summary>One of <see cref="CoralStatuses"/>; when present it ends Coral's moderation pipeline with that status.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }

    /// <summary>A flag on the comment.</summary>
    public sealed record FlagAction
    {
        [JsonPropertyName("actionType")]
        public string ActionType { get; init; } = "FLAG";

        [JsonPropertyName("reason")]
        public required string Reason { get; init; }

        /// <summary>
        /// Our reason codes and details (Coral's name for a flag's free text). Coral versions that validate with
        /// <c>stripUnknown</c> drop it before storing the flag; it is informational and never makes Coral refuse the answer.
        /// </summary>
        [JsonPropertyName("additionalDetails")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? AdditionalDetails { get; init; }
    }
}
