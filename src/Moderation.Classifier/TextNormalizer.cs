using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Moderation.Classifier.Normalization;

namespace Moderation.Classifier;

/// <summary>
/// The one normalisation used by training, scoring and the policy's word lists. The result is words separated
/// by single spaces: lower-case Latin letters and digits (other scripts kept as they are), entity tokens
/// (<c>_link_</c>, <c>_email_</c>, <c>_phone_</c>, <c>_handle_</c>, <c>_messenger_</c>) and emoji, each emoji
/// its own word. Every character keeps the range of the original text it came from.
/// </summary>
/// <remarks>
/// Steps, in order: text stored backwards read in display order (forced right to left, or upside down: "ʇols" is
/// "slot"); Unicode compatibility folding of each
/// character (styled letters 𝐆𝐀𝐂𝐎𝐑, fullwidth, circled), look-alike letters and other scripts' digits to Latin,
/// diacritics and invisible characters dropped, blank letters (Hangul filler) read as spaces, lower case;
/// links, e-mails, phone numbers, handles and messenger contacts to tokens; letters split by separators joined, and
/// words broken by punctuation or an emoji ("ga.cor", "max-win", "bonu💰s"), and emoji glued between two words read as
/// spaces ("berita✨bagus"); symbols and emoji drawn as letters inside words read as letters
/// ("j@ckp0t", "$lot", "|&lt;amu"); leetspeak digits inside words read as letters; letters stretched three times or more
/// collapsed; informal spellings mapped to a standard one.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>
    /// Raise it with every change to what <see cref="Normalize"/> returns: a model records the version it was trained
    /// with, and a model with another version is refused on load (and so on hot reload), because its weights were learnt
    /// from text normalised differently. 1 is the normaliser of model <c>sha256:5e3ac39e32b2</c> (EXPERIMENTS.md step
    /// 24); 2 also reads disguised contacts, that of model <c>sha256:10b517f7e29a</c> (step 25); 3 also joins two-letter
    /// words and finds links in text spaced out letter by letter, that of model <c>sha256:3137b57c768b</c> (step 26); 4 reads "✝ © ®" at the end of
    /// a word disguised elsewhere and "🔘" as "⭕", that of model <c>sha256:659aec41587f</c> (step 27).
    /// </summary>
    public const int Version = 4;

    /// <summary>Normalises a text, keeping offsets back to the original.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = Fold(text);
        var entities = FindEntities(folded);
        var joined = FindJoinedSeparators(folded, entities);
        FindEntitiesInSpacedLetters(folded.Text, entities, joined);
        ReadSymbolsAsLetters(folded, entities, joined);
        return Assemble(text, folded, entities, joined);
    }

    /// <summary>The folded characters of a text, each with the original range it came from.</summary>
    private sealed class FoldedText(int capacity)
    {
        public StringBuilder Chars { get; } = new(capacity);
        public List<int> Starts { get; } = new(capacity);
        public List<int> Ends { get; } = new(capacity);
        public int Letters { get; set; }
        public int StyledLetters { get; set; }
        public string Text { get; set; } = string.Empty;

        /// <summary>The original range folded characters [from, to) came from.</summary>
        public (int Start, int End) OriginalRange(int from, int to) =>
            OriginalRanges.Cover(CollectionsMarshal.AsSpan(Starts)[from..to], CollectionsMarshal.AsSpan(Ends)[from..to]);

        public void Add(char c, int start, int end)
        {
            Chars.Append(c);
            Starts.Add(start);
            Ends.Add(end);
        }
    }

    private readonly record struct Entity(int Start, int End, EntityKind Kind);

    private static FoldedText Fold(string text)
    {
        var folded = new FoldedText(text.Length + 8);
        var position = 0;
        foreach (var (start, end, turned) in BackwardRuns(text))
        {
            FoldRange(folded, text, position, start);
            FoldBackwards(folded, text, start, end, turned);
            position = end;
        }

        FoldRange(folded, text, position, text.Length);
        folded.Text = folded.Chars.ToString();
        return folded;
    }

    private static void FoldRange(FoldedText folded, string text, int from, int to)
    {
        for (var i = from; i < to;)
        {
            var width = ReadCodePoint(text, i, to, out var codePoint);
            FoldCodePoint(folded, codePoint, i, i + width);
            i += width;
        }
    }

    // Runs stored in the reverse of their reading order: forced right to left, or written upside down (whose letters are
    // turned too). Upside-down runs inside a right-to-left one are left to it. Empty for almost every comment.
    private static (int Start, int End, bool Turned)[] BackwardRuns(string text)
    {
        var overrides = RightToLeftOverride.FindRuns(text);
        var upsideDown = UpsideDown.FindRuns(text);
        if (overrides.Length == 0)
        {
            return upsideDown.Length == 0 ? [] : Array.ConvertAll(upsideDown, r => (r.Start, r.End, true));
        }

        var runs = new List<(int Start, int End, bool Turned)>();
        foreach (var (start, end) in overrides)
        {
            runs.Add((start, end, false));
        }

        foreach (var (start, end) in upsideDown)
        {
            if (!Array.Exists(overrides, o => o.Start < end && start < o.End))
            {
                runs.Add((start, end, true));
            }
        }

        runs.Sort((a, b) => a.Start.CompareTo(b.Start));
        return runs.ToArray();
    }

    // Read in the reverse order (by text element, so emoji and letters with marks stay whole), each character turned
    // back when the run is upside down; every character keeps the original range it came from, so explanations still
    // point at what the author wrote.
    private static void FoldBackwards(FoldedText folded, string text, int from, int to, bool turned)
    {
        var elements = new List<(int Start, int End)>();
        for (var i = from; i < to;)
        {
            var length = Math.Max(1, StringInfo.GetNextTextElementLength(text.AsSpan(i, to - i)));
            elements.Add((i, i + length));
            i += length;
        }

        for (var e = elements.Count - 1; e >= 0; e--)
        {
            var (start, end) = elements[e];
            for (var i = start; i < end;)
            {
                var width = ReadCodePoint(text, i, end, out var codePoint);
                FoldCodePoint(folded, turned ? UpsideDown.TurnBack(codePoint) : codePoint, i, i + width);
                i += width;
            }
        }
    }

    private static int ReadCodePoint(string text, int i, int end, out int codePoint)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
        {
            codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
            return 2;
        }

        codePoint = char.IsSurrogate(text[i]) ? 0xFFFD : text[i];
        return 1;
    }

    private static void FoldCodePoint(FoldedText folded, int codePoint, int start, int end)
    {
        var result = CharacterFolding.Fold(codePoint);
        if (result.Text.Length == 2 && char.IsSurrogatePair(result.Text[0], result.Text[1]) && char.ConvertToUtf32(result.Text[0], result.Text[1]) == codePoint)
        {
            // Characters outside the BMP without a Latin reading (emoji) are kept whole.
            folded.Add(result.Text[0], start, end);
            folded.Add(result.Text[1], start, end);
            return;
        }

        foreach (var c in result.Text)
        {
            folded.Add(c, start, end);
            if (char.IsLetter(c))
            {
                folded.Letters++;
                if (result.Styled)
                {
                    folded.StyledLetters++;
                }
            }
        }
    }

    private static List<Entity> FindEntities(FoldedText folded)
    {
        var entities = new List<Entity>();
        AddEntities(folded.Text, null, entities);
        FindNumbersInLetters(folded.Text, entities);
        entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        return entities;
    }

    // Adds the entities the patterns find in a text, where <paramref name="map"/> (when given) takes each of its
    // positions to the folded text's; matches overlapping an entity already found are left out.
    private static void AddEntities(string text, List<int>? map, List<Entity> entities)
    {
        var hints = EntityPatterns.HintsOf(text);
        foreach (var (pattern, kind, needs) in EntityPatterns.Ordered)
        {
            if ((hints & needs) == 0)
            {
                continue;
            }

            foreach (var match in pattern.EnumerateMatches(text))
            {
                var start = match.Index;
                var end = match.Index + match.Length;
                if (kind == EntityKind.Link)
                {
                    // A sentence's closing punctuation is not part of the link.
                    while (end > start && text[end - 1] is '.' or ',' or ')' or '!' or '?' or '"' or '\'')
                    {
                        end--;
                    }
                }

                if (kind == EntityKind.Handle && SymbolLetters.IsDisguisedHandle(text, start))
                {
                    continue; // "@nj!ng" is a word written with symbols, not a handle
                }

                if (end <= start)
                {
                    continue;
                }

                if (map is not null)
                {
                    (start, end) = (map[start], map[end - 1] + 1);
                }

                if (!Overlaps(entities, start, end))
                {
                    entities.Add(new Entity(start, end, kind));
                }
            }
        }
    }

    // Links and e-mails written letter by letter ("g a c o r 8 8 . c o m") are found once the letters are joined: the
    // patterns run again on the text without the joined separators. Only for texts where some separator was joined
    // and a spaced run may be.
    private static void FindEntitiesInSpacedLetters(string text, List<Entity> entities, bool[] removed)
    {
        if (Array.IndexOf(removed, true) < 0 || !SpacedLetters.MayContainRun(text))
        {
            return;
        }

        var joined = new System.Text.StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!removed[i])
            {
                joined.Append(text[i]);
                map.Add(i);
            }
        }

        var count = entities.Count;
        AddEntities(joined.ToString(), map, entities);
        if (entities.Count > count)
        {
            entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    // Letters that stand for digits in a phone number written to get past filters ("O8l2-З4S6...", folded to
    // "o8l2-34s6..."): o 0, i and l 1, z 2, s 5, b 8, g 9, t 7.
    private const string DigitLetters = "oilzsbgt";

    // A phone number with some digits written as letters: a run of ten to sixteen letters and digits (dashes and dots
    // between them allowed) with at least three digits and no letter but those above. Shorter runs are left to
    // leetspeak ("b0s5l0t88" is a word).
    private static void FindNumbersInLetters(string text, List<Entity> entities)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c) && ++digits >= 3)
            {
                break;
            }
        }

        if (digits < 3)
        {
            return;
        }

        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            int runDigits = 0, runLetters = 0, otherLetters = 0;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i])
                || (text[i] is '-' or '.' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) && i > start)))
            {
                var c = text[i];
                if (char.IsAsciiDigit(c))
                {
                    runDigits++;
                }
                else if (char.IsAsciiLetter(c))
                {
                    if (DigitLetters.Contains(c))
                    {
                        runLetters++;
                    }
                    else
                    {
                        otherLetters++;
                    }
                }

                i++;
            }

            var preceded = start > 0 && char.IsLetterOrDigit(text[start - 1]);
            var followed = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (runDigits >= 3 && runLetters >= 1 && otherLetters == 0 && runDigits + runLetters is >= 10 and <= 16
                && !preceded && !followed && !Overlaps(entities, start, i))
            {
                entities.Add(new Entity(start, i, EntityKind.Phone));
            }
        }
    }

    // Without a lambda: a closure over the loop's variables would be allocated for every run of letters and digits.
    private static bool Overlaps(List<Entity> entities, int start, int end)
    {
        foreach (var entity in entities)
        {
            if (entity.Start < end && start < entity.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool[] FindJoinedSeparators(FoldedText folded, List<Entity> entities)
    {
        var text = folded.Text;
        var removed = new bool[text.Length];
        for (var i = 1; i < text.Length - 1; i++)
        {
            // Apostrophes inside a word are dropped: "don't" -> "dont", "jum'at" -> "jumat".
            if (text[i] is '\'' or '’' or '`' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            {
                removed[i] = true;
            }
        }

        BrokenWords.Join(text, removed, OverlapsEntity(entities));
        if (!SpacedLetters.MayContainRun(text))
        {
            return removed;
        }

        var spacedBySpace = false;
        foreach (var match in SpacedLetters.Run().EnumerateMatches(text))
        {
            var start = match.Index;
            var end = match.Index + match.Length;
            if (Overlaps(entities, start, end))
            {
                continue;
            }

            var letters = 0;
            for (var i = start; i < end; i++)
            {
                if (char.IsLetter(text[i]) || Leetspeak.LetterFor(text[i]) != '\0')
                {
                    letters++;
                }
            }

            var realLetters = 0;
            for (var i = start; i < end; i++)
            {
                if (char.IsLetter(text[i]))
                {
                    realLetters++;
                }
            }

            if (realLetters < 2 || letters < 3)
            {
                continue;
            }

            for (var i = start; i < end; i++)
            {
                if (!char.IsLetterOrDigit(text[i]))
                {
                    removed[i] = true;
                }
            }

            spacedBySpace |= text[start + 1] == ' ' && char.IsLetterOrDigit(text[start + 2]);
        }

        if (spacedBySpace)
        {
            JoinSpacedPairs(text, removed, entities);
        }

        return removed;
    }

    // In a comment that spaces out its letters ("s l o t   g a c o r"), two-letter words are spaced too ("i s", "d i");
    // a run needs three letters, so those are joined here: two single letters or digits with one space between them
    // and a wider gap (or punctuation, or the text's edge) on each side.
    private static void JoinSpacedPairs(string text, bool[] removed, List<Entity> entities)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]) && text[i + 1] == ' ' && char.IsLetterOrDigit(text[i + 2]) && !removed[i + 1]
                && IsGap(text, i - 1, -1) && IsGap(text, i + 3, +1) && !Overlaps(entities, i, i + 3))
            {
                removed[i + 1] = true;
            }
        }
    }

    // Whether position `at` begins a gap going in `direction`: the text's edge, a mark that is not a space, or a space
    // followed (in that direction) by the edge or by anything but a letter or digit.
    private static bool IsGap(string text, int at, int direction)
    {
        if (at < 0 || at >= text.Length)
        {
            return true;
        }

        if (char.IsLetterOrDigit(text[at]))
        {
            return false;
        }

        var next = at + direction;
        return text[at] != ' ' || next < 0 || next >= text.Length || !char.IsLetterOrDigit(text[next]);
    }

    private static readonly Func<int, int, bool> NoEntity = static (_, _) => false;

    // Most comments have no entity: share one delegate for them instead of allocating a closure per comment.
    private static Func<int, int, bool> OverlapsEntity(List<Entity> entities) =>
        entities.Count == 0 ? NoEntity : (start, end) => entities.Exists(e => e.Start < end && start < e.End);

    private static void ReadSymbolsAsLetters(FoldedText folded, List<Entity> entities, bool[] removed)
    {
        if (!SymbolLetters.MayContain(folded.Text))
        {
            return;
        }

        // Most comments with one of the symbols ("!") change nothing: a pooled buffer, and a new string only when one did.
        var length = folded.Text.Length;
        var chars = ArrayPool<char>.Shared.Rent(length);
        try
        {
            folded.Text.CopyTo(chars);
            if (SymbolLetters.Read(chars.AsSpan(0, length), removed, OverlapsEntity(entities)))
            {
                folded.Text = new string(chars, 0, length);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static NormalizedText Assemble(string original, FoldedText folded, List<Entity> entities, bool[] removed)
    {
        var text = folded.Text;
        var output = new NormalizedTextBuilder(text.Length + 8);
        var counts = new int[5];
        var word = new List<int>(32);
        var entityIndex = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (entityIndex < entities.Count && entities[entityIndex].Start == i)
            {
                var entity = entities[entityIndex++];
                var (entityStart, entityEnd) = folded.OriginalRange(entity.Start, entity.End);
                output.AppendWord(EntityPatterns.TokenOf(entity.Kind), entityStart, entityEnd);
                counts[(int)entity.Kind]++;
                i = entity.End;
                continue;
            }

            var c = text[i];
            if (removed[i])
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Clear();
                var nextEntity = entityIndex < entities.Count ? entities[entityIndex].Start : int.MaxValue;
                while (i < text.Length && i < nextEntity && (removed[i] || char.IsLetterOrDigit(text[i])))
                {
                    if (!removed[i])
                    {
                        word.Add(i);
                    }

                    i++;
                }

                AppendWord(output, folded, word);
                continue;
            }

            // An emoji glued between two words ("berita✨bagus✨sekali") decorates the gap: it is read as a space, not as a
            // word, so that a decorated ordinary comment does not read as a row of spam emoji.
            if (Emoji.WidthAt(text, i) > 0 && GluedRunEnd(text, i) is var gluedEnd and > 0)
            {
                i = gluedEnd;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                AppendSymbol(output, folded, i, 2);
                i += 2;
                continue;
            }

            // Symbols (emoji, ⚡) and currency signs (£, $, €) are words of their own: both are spam cues.
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.CurrencySymbol)
            {
                AppendSymbol(output, folded, i, 1);
            }

            i++;
        }

        var signals = new TextSignals(
            Links: counts[(int)EntityKind.Link],
            Emails: counts[(int)EntityKind.Email],
            Phones: counts[(int)EntityKind.Phone],
            Handles: counts[(int)EntityKind.Handle],
            MessengerContacts: counts[(int)EntityKind.Messenger],
            StyledLetterShare: folded.Letters == 0 ? 0f : (float)folded.StyledLetters / folded.Letters);
        return output.Build(original, signals);
    }

    // Where the row of emoji starting at i ends, when a letter or digit comes right before it and right after it; else 0.
    private static int GluedRunEnd(string text, int i)
    {
        if (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        {
            return 0;
        }

        var next = i;
        while (next < text.Length && Emoji.WidthAt(text, next) is var width and > 0)
        {
            next += width;
        }

        return next < text.Length && char.IsLetterOrDigit(text[next]) ? next : 0;
    }

    private static void AppendSymbol(NormalizedTextBuilder output, FoldedText folded, int index, int width)
    {
        var symbol = folded.Text.AsSpan(index, width);
        if (output.EndsWithWord(symbol))
        {
            // A row of the same emoji counts once: "🔥🔥🔥" is "🔥".
            output.ExtendLastWord(folded.Starts[index], folded.Ends[index + width - 1]);
            return;
        }

        output.AppendWord(symbol, folded.Starts[index], folded.Ends[index + width - 1]);
    }

    private static void AppendWord(NormalizedTextBuilder output, FoldedText folded, List<int> positions)
    {
        Span<char> buffer = positions.Count <= 256 ? stackalloc char[positions.Count] : new char[positions.Count];
        Span<int> starts = positions.Count <= 256 ? stackalloc int[positions.Count] : new int[positions.Count];
        Span<int> ends = positions.Count <= 256 ? stackalloc int[positions.Count] : new int[positions.Count];
        for (var k = 0; k < positions.Count; k++)
        {
            buffer[k] = folded.Text[positions[k]];
            starts[k] = folded.Starts[positions[k]];
            ends[k] = folded.Ends[positions[k]];
        }

        Leetspeak.Rewrite(buffer);

        // Letters stretched three times or more ("gaaacor", "mantappp") are written once.
        var length = 0;
        for (var k = 0; k < buffer.Length;)
        {
            var run = 1;
            while (k + run < buffer.Length && buffer[k + run] == buffer[k])
            {
                run++;
            }

            var keep = run >= 3 && char.IsLetter(buffer[k]) ? 1 : run;
            for (var r = 0; r < keep; r++)
            {
                buffer[length] = buffer[k + r];
                starts[length] = starts[k + r];
                ends[length] = ends[k + r];
                if (keep == 1)
                {
                    // The one letter kept stands for the whole run.
                    (starts[length], ends[length]) = OriginalRanges.Cover(starts.Slice(k, run), ends.Slice(k, run));
                }

                length++;
            }

            k += run;
        }

        var span = buffer[..length];
        if (SlangSpellings.TryGetStandard(span, out var standard))
        {
            var (wordStart, wordEnd) = OriginalRanges.Cover(starts[..length], ends[..length]);
            output.AppendWord(standard, wordStart, wordEnd);
        }
        else if (Laughter.IsLaughter(span))
        {
            var (wordStart, wordEnd) = OriginalRanges.Cover(starts[..length], ends[..length]);
            output.AppendWord(Laughter.Standard(span), wordStart, wordEnd);
        }
        else
        {
            output.AppendWord(span, starts[..length], ends[..length]);
        }
    }
}
