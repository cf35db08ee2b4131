using System.Text.Json;
using Moderation.Contracts;

namespace Moderation.Service.Comments;

/// <summary>Reasons are stored as a JSON column: they are always read and written whole.</summary>
public static class ReasonsJson
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyList<ModerationReason> reasons) => JsonSerializer.Serialize(reasons, Options);

    /// <summary>The codes between spaces (" spam.model links.limit "), so a filter is one LIKE '% code %'.</summary>
    public static string Codes(IReadOnlyList<ModerationReason> reasons) =>
        " " + string.Join(' ', reasons.Select(r => r.Code).Distinct()) + " ";

    public static IReadOnlyList<ModerationReason> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<ModerationReason>>(json, Options) ?? [];
}
