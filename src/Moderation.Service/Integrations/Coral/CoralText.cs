using System.Net;
using System.Text.RegularExpressions;

namespace Moderation.Service.Integrations.Coral;

/// <summary>
/// The text of a Coral comment body. A phase set to the HTML format gets Coral's sanitised HTML (<c>&lt;br&gt;</c>,
/// <c>&lt;b&gt;</c>, <c>&lt;a href&gt;</c>, blockquotes, entities); we score and store what a reader reads: tags
/// dropped, line breaks kept, entities decoded, and a link's address kept next to its text (links are a spam signal).
/// A plain-text body is left alone unless it holds tags or entities.
/// </summary>
public static partial class CoralText
{
    public static string FromBody(string body)
    {
        if (!Tag().IsMatch(body) && !Entity().IsMatch(body))
        {
            return body.Trim();
        }

        var text = Invisible().Replace(body, "");
        text = Anchor().Replace(text, m =>
        {
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value).Trim();
            var inner = m.Groups["inner"].Value;
            return href.Length == 0 || WebUtility.HtmlDecode(Tag().Replace(inner, "")).Contains(href, StringComparison.OrdinalIgnoreCase)
                ? inner
                : $"{inner} ({href})";
        });
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        text = TrailingSpaces().Replace(text, "\n");
        text = BlankLines().Replace(text, "\n\n");
        return text.Trim();
    }

    [GeneratedRegex(@"</?[a-zA-Z][a-zA-Z0-9]*(\s[^>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*(""(?<href>[^""]*)""|'(?<href>[^']*)')[^>]*>(?<inner>.*?)</a\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|blockquote|li|h[1-6])\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"[ \t]+\n", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSpaces();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex BlankLines();
}
