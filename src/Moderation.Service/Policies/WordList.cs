using Moderation.Classifier;

namespace Moderation.Service.Policies;

/// <summary>
/// A site's banned or suspect words, normalised with the classifier's normaliser and matched as whole words or
/// phrases on the normalised comment, so styled letters, leetspeak and s.p.a.c.i.n.g do not get around them.
/// </summary>
public sealed class WordList
{
    readonly Dictionary<string, List<string[]>> _byFirstToken = new(StringComparer.Ordinal);

    public WordList(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            var tokens = Tokens(TextNormalizer.Normalize(entry).Text).Select(t => t.Text).ToArray();
            if (tokens.Length == 0)
            {
                continue;
            }

            if (!_byFirstToken.TryGetValue(tokens[0], out var phrases))
            {
                _byFirstToken[tokens[0]] = phrases = [];
            }

            phrases.Add(tokens);
        }
    }

    public bool IsEmpty => _byFirstToken.Count == 0;

    /// <summary>Every match: the phrase (normalised) and its span in the original text.</summary>
    public IReadOnlyList<WordMatch> Match(NormalizedText text)
    {
        if (IsEmpty)
        {
            return [];
        }

        var tokens = Tokens(text.Text);
        var matches = new List<WordMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstToken.TryGetValue(tokens[i].Text, out var phrases))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                if (i + phrase.Length > tokens.Count || !phrase.Select((t, k) => t == tokens[i + k].Text).All(same => same))
                {
                    continue;
                }

                var last = tokens[i + phrase.Length - 1];
                var (start, length) = text.ToOriginal(tokens[i].Start, last.Start + last.Text.Length - tokens[i].Start);
                matches.Add(new WordMatch(string.Join(' ', phrase), start, length));
            }
        }

        return matches;
    }

    static List<(string Text, int Start)> Tokens(string normalized)
    {
        var tokens = new List<(string, int)>();
        var start = -1;
        for (var i = 0; i <= normalized.Length; i++)
        {
            var boundary = i == normalized.Length || !char.IsLetterOrDigit(normalized[i]);
            if (boundary && start >= 0)
            {
                tokens.Add((normalized[start..i], start));
                start = -1;
            }
            else if (!boundary && start < 0)
            {
                start = i;
            }
        }

        return tokens;
    }
}
