using System.Text;
using System.Text.Json;

namespace Moderation.LoadTest;

/// <summary>
/// Twenty kinds of bad or odd input a site (or an attacker) may send to <c>submit-comment</c>. Each must be answered:
/// <c>CommentSubmissionRejected</c> when it cannot be moderated, <c>CommentModerated</c> when it is valid after all
/// (HTML, SQL-like text, emoji). Tracked kinds carry the run's comment id, so their answer is matched to them;
/// untracked ones (no readable id) are counted.
/// </summary>
public static class BadInput
{
    public sealed record Kind(string Name, bool Tracked, string? ContentType, Func<string, byte[]> Body);

    static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    static byte[] Comment(string id, Action<Dictionary<string, object?>>? change = null)
    {
        var comment = new Dictionary<string, object?>
        {
            ["commentId"] = id,
            ["siteId"] = CommentGenerator.SiteId,
            ["articleId"] = "banjir-jakarta",
            ["authorId"] = "reader-bad",
            ["authorName"] = "Tester",
            ["text"] = "Komentar biasa saja, terima kasih.",
            ["submittedAt"] = DateTimeOffset.UtcNow,
        };
        change?.Invoke(comment);
        return JsonSerializer.SerializeToUtf8Bytes(comment);
    }

    public static IReadOnlyList<Kind> Kinds { get; } =
    [
        new("malformed-json", false, "application/json", _ => Utf8("{ \"commentId\": \"x\", \"text\": \"unterminated")),
        new("json-array", false, "application/json", _ => Utf8("[\"an\", \"array\", 1, 2]")),
        new("json-null", false, "application/json", _ => Utf8("null")),
        new("empty-body", false, "application/json", _ => []),
        new("invalid-utf8", false, "application/json", id => [.. Utf8($"{{\"commentId\":\"{id}\",\"text\":\""), 0xC3, 0x28, 0xFF, 0xFE, .. Utf8("\"}")]),
        new("wrong-types", true, "application/json", id => Utf8($$"""{"commentId":"{{id}}","siteId":12,"articleId":true,"authorId":{"a":1},"text":["x"],"submittedAt":5}""")),
        new("missing-ids", false, "application/json", _ => Utf8("""{"text":"Komentar tanpa id sama sekali","authorName":"Anon"}""")),
        new("missing-text", true, "application/json", id => Comment(id, c => c.Remove("text"))),
        new("text-1mb", true, "application/json", id => Comment(id, c => c["text"] = new string('a', 1 << 20))),
        new("all-nulls", false, "application/json", _ => Utf8("""{"commentId":null,"siteId":null,"articleId":null,"authorId":null,"text":null,"submittedAt":null}""")),
        new("huge-array", true, "application/json", id => Utf8($$"""{"commentId":"{{id}}","siteId":"portal-berita","articleId":"a","authorId":"u","text":[{{string.Join(',', Enumerable.Range(0, 50_000))}}]}""")),
        new("unknown-message-type", true, "application/vnd.masstransit+json", id => Utf8($$"""
            {"messageId":"{{Guid.NewGuid()}}","messageType":["urn:message:Shop.Contracts:OrderPlaced"],
             "message":{"commentId":"{{id}}","orderId":42,"total":99.5},"sentTime":"{{DateTimeOffset.UtcNow:O}}"}
            """)),
        new("html-script", true, "application/json", id => Comment(id, c => c["text"] = "<script>alert('xss')</script><img src=x onerror=alert(1)><b>Bagus</b> beritanya")),
        new("sql-like", true, "application/json", id => Comment(id, c =>
        {
            c["text"] = "'; DROP TABLE comments; -- \" OR 1=1; SELECT * FROM api_keys WHERE ''=''";
            c["authorName"] = "Robert'); DROP TABLE decisions;--";
        })),
        new("control-characters", true, "application/json", id => Comment(id, c => c["text"] = "Halo\u0001\u0002\u0007\u001b[31m merah\u0008\u0008 \u200B\u200D\uFEFF dunia\u0000")),
        new("emoji-only", true, "application/json", id => Comment(id, c => c["text"] = "😡😡😡🔥🔥💯🙏🇮🇩")),
        new("whitespace-text", true, "application/json", id => Comment(id, c => c["text"] = " \t\n\u00A0\u3000 ")),
        new("oversize-id", false, "application/json", id => Comment(new string('i', 100_000) + id)),
        new("binary-garbage", false, "application/octet-stream", _ => Random.Shared.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 2048)),
        new("deep-nesting", false, "application/json", _ => Utf8(new string('[', 5_000) + new string(']', 5_000))),
    ];
}
