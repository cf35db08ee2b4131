namespace Moderation.Classifier.Features;

/// <summary>
/// Turns a normalised comment into a sparse vector: a few dense signals (links, phones, contacts, styled-letter
/// share, repetition...) followed by hashed word n-grams and hashed character n-grams (of the normalised text and,
/// when asked, of the original text). Each group is TF-IDF weighted and scaled to unit length on its own. Every
/// hashed occurrence remembers the word of the normalised text it came from, so a linear head's score can be split
/// exactly over the words of the text.
/// </summary>
internal sealed class CommentFeaturizer
{
    private const uint WordSeed = 0x1F3D5B79;
    private const uint CharSeed = 0x7A3C1E05;
    private const uint RawCharSeed = 0x2C9E4A17;
    private const uint SkeletonSeed = 0x5E1E7014;
    private const uint SortedMiddleSeed = 0x3B0A6D21;
    private const int MaxSkeletonWordLength = 64;
    private const int MaxCharGramWordLength = 40;
    private const byte WordGroup = 0;
    private const byte CharGroup = 1;
    private const byte RawCharGroup = 2;

    private readonly int _mask;

    // Bits of a sort key above the 24-bit occurrence index: the slot (dense part + hashed slots) and 2 group bits.
    private readonly int _slotAndGroupBits;

    public CommentFeaturizer(FeatureSettings settings, float[]? inverseDocumentFrequency = null)
        : this(settings, Scoring.IdfView.Of(inverseDocumentFrequency))
    {
    }

    /// <summary>A featuriser reading IDF weights through a view (serving reads them from the interleaved weight table).</summary>
    public CommentFeaturizer(FeatureSettings settings, Scoring.IdfView inverseDocumentFrequency)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _idf = inverseDocumentFrequency;
        _mask = (1 << settings.HashBits) - 1;
        _slotAndGroupBits = 2 + 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(_mask + FeatureSettings.DenseCount));
    }

    public FeatureSettings Settings { get; }

    // Per hashed slot (index minus the dense part): the IDF weight; empty for plain counts.
    private readonly Scoring.IdfView _idf;

    /// <summary>Names of the dense features, in vector order (for reports and tests).</summary>
    public static IReadOnlyList<string> DenseNames { get; } =
    [
        "links", "emails", "phones", "handles", "messenger", "styled_share", "repetition", "length",
        "digit_share", "indonesian_share", "emoji", "exclamations", "stretch", "english_share", "unused_14", "unused_15",
    ];

    public void Featurize(NormalizedText normalized, FeatureBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        buffer.Clear();
        SplitWords(normalized.Text, buffer);
        var usesOriginal = Settings.RawWords || Settings.RawCharGrams;
        if (usesOriginal)
        {
            MapOriginalToWords(normalized, buffer);
        }

        if (Settings.RawWords)
        {
            AddRawWordFeatures(normalized.Original, buffer);
        }
        else
        {
            AddWordFeatures(normalized.Text, buffer);
        }

        if (Settings.NormalizedCharGrams)
        {
            AddNormalizedCharGrams(normalized.Text, buffer);
        }

        if (Settings.RawCharGrams)
        {
            AddRawCharGrams(normalized.Original, buffer);
        }

        Span<float> dense = stackalloc float[FeatureSettings.DenseCount];
        if (Settings.DenseSignals)
        {
            ComputeDense(normalized, buffer, dense);
            dense[5] = Settings.StyledShareWeight * normalized.Signals.StyledLetterShare;
        }

        // Taken whether or not they are features: they route the comment to the Indonesian or the pooled heads.
        var (indonesian, english) = Normalization.LanguageHints.Shares(normalized.Text, buffer.WordStarts.AsSpan(0, buffer.WordCount), buffer.WordLengths.AsSpan(0, buffer.WordCount));
        buffer.Indonesian = Scoring.LanguageRoute.IsIndonesian(indonesian, english);
        if (Settings.LanguageShares)
        {
            (dense[9], dense[13]) = (indonesian, english);
        }

        Merge(buffer, dense);
    }

    private static void SplitWords(string text, FeatureBuffer buffer)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ' ')
            {
                if (i > start)
                {
                    buffer.AddWord(start, i - start);
                }

                start = i + 1;
            }
        }
    }

    private static void MapOriginalToWords(NormalizedText normalized, FeatureBuffer buffer)
    {
        var length = normalized.Original.Length;
        buffer.EnsureOriginal(length);
        var map = buffer.OriginalWords.AsSpan(0, length);
        map.Fill(-1);
        for (var w = 0; w < buffer.WordCount; w++)
        {
            var first = buffer.WordStarts[w];
            var (start, end) = normalized.OriginalRange(first, first + buffer.WordLengths[w] - 1);
            var from = Math.Clamp(start, 0, length);
            var to = Math.Clamp(end, from, length);
            map[from..to].Fill(w);
        }
    }

    private void AddWordFeatures(string text, FeatureBuffer buffer)
    {
        var history = default(WordHistory);
        Span<char> skeleton = stackalloc char[MaxSkeletonWordLength];
        Span<char> sounds = stackalloc char[2 * MaxSkeletonWordLength];
        for (var w = 0; w < buffer.WordCount; w++)
        {
            var word = text.AsSpan(buffer.WordStarts[w], buffer.WordLengths[w]);
            var keyLength = WriteKey(word, buffer);
            var hash = FeatureHash.Mix(FeatureHash.Of(WordSeed, buffer.KeyChars.AsSpan(0, keyLength)));
            AddWordGrams(hash, w, ref history, buffer);
            if (!Settings.SkeletonWords && !Settings.SortedMiddleWords || !IsPlainWord(word))
            {
                continue;
            }

            // Unigrams of their own namespaces: not in bigrams/trigrams, weighted like a word.
            if (Settings.SkeletonWords && word.Length >= 3)
            {
                var spelled = Settings.SkeletonSounds ? sounds[..WriteSounds(word, sounds)] : word;
                var skeletonLength = WriteSkeleton(spelled, skeleton);
                if (skeletonLength > 0)
                {
                    buffer.AddRaw(Slot(FeatureHash.Mix(FeatureHash.Of(SkeletonSeed, skeleton[..skeletonLength]))), WordGroup, w, 1f);
                }
            }

            if (Settings.SortedMiddleWords && word.Length >= 4)
            {
                word.CopyTo(skeleton);
                skeleton[1..(word.Length - 1)].Sort();
                buffer.AddRaw(Slot(FeatureHash.Mix(FeatureHash.Of(SortedMiddleSeed, skeleton[..word.Length]))), WordGroup, w, 1f);
            }
        }
    }

    // Words the skeleton and sorted-middle keys are taken of: ASCII lower-case letters only, not too long.
    private static bool IsPlainWord(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxSkeletonWordLength)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes a word of ASCII lower-case letters as it sounds (see <see cref="FeatureSettings.SkeletonSounds"/>): "ph" as
    /// "f", "ck" as "k", "c" not before "h" and "q" as "k", "x" as "ks", "z" as "s", "oe" and "oo" as "u", a first "th"
    /// as "d", a last "nk" as "ng", "er" as "a", "au" as "o" and "ai" as "e". <paramref name="written"/> needs twice the
    /// word's length.
    /// </summary>
    internal static int WriteSounds(ReadOnlySpan<char> word, Span<char> written)
    {
        var length = 0;
        var end = word.Length;

        // The last two letters, read as one sound: "nk" as "ng", "er" (words of four letters or more) as "a", "au" as
        // "o", "ai" as "e" ("sekarank", "hata", "kalo", "sampe").
        var ending = end < 3 ? null : word[^2..] switch
        {
            "nk" => "ng",
            "er" when end > 3 => "a",
            "au" => "o",
            "ai" => "e",
            _ => null,
        };
        if (ending is not null)
        {
            end -= 2;
        }

        for (var i = 0; i < end; i++)
        {
            var c = word[i];
            var next = i + 1 < end ? word[i + 1] : '\0';
            switch (c)
            {
                case 'p' when next == 'h':
                    written[length++] = 'f';
                    i++;
                    break;
                case 't' when i == 0 && next == 'h':
                    written[length++] = 'd';
                    i++;
                    break;
                case 'o' when next is 'e' or 'o':
                    written[length++] = 'u';
                    i++;
                    break;
                case 'c' when next == 'k':
                    break; // the "k" follows
                case 'c' when next != 'h':
                case 'q':
                    written[length++] = 'k';
                    break;
                case 'x':
                    written[length++] = 'k';
                    written[length++] = 's';
                    break;
                case 'z':
                    written[length++] = 's';
                    break;
                default:
                    written[length++] = c;
                    break;
            }
        }

        foreach (var c in ending ?? string.Empty)
        {
            written[length++] = c;
        }

        return length;
    }

    /// <summary>
    /// Writes the consonant skeleton of a word of three or more ASCII lower-case letters: the first letter, then the
    /// later letters that are not vowels, doubled letters once, a final "ng" as "g". A skeleton is its own skeleton.
    /// Returns 0 (no skeleton) for other words.
    /// </summary>
    internal static int WriteSkeleton(ReadOnlySpan<char> word, Span<char> skeleton)
    {
        if (word.Length < 3 || word.Length > skeleton.Length)
        {
            return 0;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return 0;
            }
        }

        var length = 0;
        skeleton[length++] = word[0];
        for (var i = 1; i < word.Length; i++)
        {
            var c = word[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' || skeleton[length - 1] == c)
            {
                continue;
            }

            skeleton[length++] = c;
        }

        if (length >= 3 && skeleton[length - 2] == 'n' && skeleton[length - 1] == 'g')
        {
            // "ng" -> "g", and "gng" -> "g" so that the result has no doubled letter either.
            length--;
            skeleton[length - 1] = 'g';
            if (skeleton[length - 2] == 'g')
            {
                length--;
            }
        }

        return length;
    }

    private void AddRawWordFeatures(string original, FeatureBuffer buffer)
    {
        // Tokens as a plain TF-IDF tokenizer sees them: lower-cased runs of 2+ letters, digits or underscores.
        var history = default(WordHistory);
        for (var i = 0; i < original.Length;)
        {
            if (!IsTokenChar(original[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < original.Length && IsTokenChar(original[i]))
            {
                i++;
            }

            if (i - start < 2)
            {
                continue;
            }

            var length = Math.Min(i - start, buffer.KeyChars.Length);
            for (var k = 0; k < length; k++)
            {
                buffer.KeyChars[k] = char.ToLowerInvariant(original[start + k]);
            }

            var hash = FeatureHash.Mix(FeatureHash.Of(WordSeed, buffer.KeyChars.AsSpan(0, length)));
            AddWordGrams(hash, buffer.OriginalWords[start], ref history, buffer);
        }
    }

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The last two words seen (hash and word index), for word bigrams and trigrams.</summary>
    private struct WordHistory
    {
        public int Seen;
        public uint Previous;
        public uint BeforePrevious;
        public int PreviousWord;
        public int BeforePreviousWord;
    }

    private void AddWordGrams(uint hash, int word, ref WordHistory history, FeatureBuffer buffer)
    {
        buffer.AddRaw(Slot(hash), WordGroup, word, 1f);
        if (Settings.WordBigrams && history.Seen >= 1)
        {
            // A word n-gram's weight is shared by its words, so explanations can split it.
            var slot = Slot(FeatureHash.Combine(history.Previous, hash));
            buffer.AddRaw(slot, WordGroup, history.PreviousWord, 0.5f);
            buffer.AddRaw(slot, WordGroup, word, 0.5f);
        }

        if (Settings.WordTrigrams && history.Seen >= 2)
        {
            var slot = Slot(FeatureHash.Combine(FeatureHash.Combine(history.BeforePrevious, history.Previous), hash ^ 0x5BD1E995));
            buffer.AddRaw(slot, WordGroup, history.BeforePreviousWord, 1f / 3);
            buffer.AddRaw(slot, WordGroup, history.PreviousWord, 1f / 3);
            buffer.AddRaw(slot, WordGroup, word, 1f / 3);
        }

        history.Seen++;
        (history.BeforePrevious, history.BeforePreviousWord) = (history.Previous, history.PreviousWord);
        (history.Previous, history.PreviousWord) = (hash, word);
    }

    private int WriteKey(ReadOnlySpan<char> word, FeatureBuffer buffer)
    {
        if (buffer.KeyChars.Length < word.Length + 2)
        {
            buffer.KeyChars = new char[word.Length * 2 + 2];
        }

        var length = 0;
        foreach (var c in word)
        {
            if (Settings.SqueezeDoubles && length > 0 && buffer.KeyChars[length - 1] == c && char.IsLetter(c))
            {
                continue;
            }

            buffer.KeyChars[length++] = c;
        }

        return length;
    }

    private void AddNormalizedCharGrams(string text, FeatureBuffer buffer)
    {
        buffer.EnsureStream(text.Length + 2 * buffer.WordCount + 2);
        var stream = buffer.StreamChars;
        var words = buffer.StreamWords;
        var length = 0;
        for (var w = 0; w < buffer.WordCount; w++)
        {
            var word = text.AsSpan(buffer.WordStarts[w], buffer.WordLengths[w]);
            if (!char.IsLetterOrDigit(word[0]))
            {
                continue; // tokens (_link_) and emoji are word features only
            }

            var keyLength = Math.Min(WriteKey(word, buffer), MaxCharGramWordLength);
            if (Settings.CharGramsAcrossWords)
            {
                // One stream " w1 w2 w3 ": a space belongs to the word after it.
                stream[length] = ' ';
                words[length++] = w;
            }
            else
            {
                length = 0;
                stream[length] = '<';
                words[length++] = w;
            }

            for (var k = 0; k < keyLength; k++)
            {
                stream[length] = buffer.KeyChars[k];
                words[length++] = w;
            }

            if (!Settings.CharGramsAcrossWords)
            {
                stream[length] = '>';
                words[length++] = w;
                AddCharGrams(stream.AsSpan(0, length), words.AsSpan(0, length), CharSeed, CharGroup, buffer);
            }
        }

        if (Settings.CharGramsAcrossWords && length > 0)
        {
            stream[length] = ' ';
            words[length] = words[length - 1];
            length++;
            AddCharGrams(stream.AsSpan(0, length), words.AsSpan(0, length), CharSeed, CharGroup, buffer);
        }
    }

    private void AddRawCharGrams(string original, FeatureBuffer buffer)
    {
        // The original text lower-cased, white space collapsed to one space, padded with a space at both ends. When
        // folding, each character is first read the way the normaliser reads it (styled and look-alike letters as
        // Latin, invisible characters dropped), so that disguise does not change these n-grams while punctuation,
        // digits and currency signs stay.
        buffer.EnsureStream(2 * original.Length + 2);
        var stream = buffer.StreamChars;
        var words = buffer.StreamWords;
        var length = 0;
        stream[length] = ' ';
        words[length++] = -1;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (Settings.FoldOriginalCharGrams && (c >= 128 || char.IsAsciiLetterUpper(c)))
            {
                var width = char.IsHighSurrogate(c) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
                var codePoint = width == 2 ? char.ConvertToUtf32(c, original[i + 1]) : char.IsSurrogate(c) ? 0xFFFD : c;
                var folded = Normalization.CharacterFolding.Fold(codePoint).Text;
                if (folded.Length == 0)
                {
                    i += width - 1;
                    continue;
                }

                foreach (var f in folded)
                {
                    length = AppendStreamChar(stream, words, length, f, buffer.OriginalWords[i]);
                }

                i += width - 1;
                continue;
            }

            length = AppendStreamChar(stream, words, length, char.ToLowerInvariant(c), buffer.OriginalWords[i]);
        }

        if (stream[length - 1] != ' ')
        {
            stream[length] = ' ';
            words[length++] = -1;
        }

        AddCharGrams(stream.AsSpan(0, length), words.AsSpan(0, length), RawCharSeed, RawCharGroup, buffer);
    }

    private static int AppendStreamChar(char[] stream, int[] words, int length, char c, int word)
    {
        if (char.IsWhiteSpace(c))
        {
            if (stream[length - 1] == ' ')
            {
                return length;
            }

            c = ' ';
            word = -1;
        }

        stream[length] = c;
        words[length] = word;
        return length + 1;
    }

    private void AddCharGrams(ReadOnlySpan<char> stream, ReadOnlySpan<int> words, uint seed, byte group, FeatureBuffer buffer)
    {
        var min = Settings.CharMinLength;
        var max = Settings.CharMaxLength;
        for (var start = 0; start < stream.Length; start++)
        {
            var hash = FeatureHash.Offset ^ seed;
            var end = Math.Min(stream.Length, start + max);
            var word = words[start];
            for (var i = start; i < end; i++)
            {
                hash = FeatureHash.Add(hash, stream[i]);
                word = word >= 0 ? word : words[i];
                var n = i - start + 1;
                if (n >= min && !(n == 1 && IsBoundary(stream[i])))
                {
                    buffer.AddRaw(Slot(FeatureHash.Mix(hash + (uint)n)), group, word, 1f);
                }
            }
        }
    }

    private static bool IsBoundary(char c) => c is ' ' or '<' or '>';

    private int Slot(uint hash) => FeatureSettings.DenseCount + (int)(hash & (uint)_mask);

    private static void ComputeDense(NormalizedText normalized, FeatureBuffer buffer, Span<float> dense)
    {
        var signals = normalized.Signals;
        dense[0] = MathF.Log(1 + signals.Links);
        dense[1] = MathF.Log(1 + signals.Emails);
        dense[2] = MathF.Log(1 + signals.Phones);
        dense[3] = MathF.Log(1 + signals.Handles);
        dense[4] = MathF.Log(1 + signals.MessengerContacts);

        var text = normalized.Text;
        if (buffer.WordCount >= 3)
        {
            var hashes = buffer.WordHashes.AsSpan(0, buffer.WordCount);
            for (var w = 0; w < buffer.WordCount; w++)
            {
                hashes[w] = FeatureHash.Of(0, text.AsSpan(buffer.WordStarts[w], buffer.WordLengths[w]));
            }

            hashes.Sort();
            var distinct = 1;
            for (var w = 1; w < hashes.Length; w++)
            {
                distinct += hashes[w] != hashes[w - 1] ? 1 : 0;
            }

            dense[6] = 1f - (float)distinct / buffer.WordCount;
        }

        dense[7] = MathF.Log(1 + buffer.WordCount) / 5f;

        // Counted on the normalised text, so that styled letters (surrogate pairs in the original) do not look like emoji or digits.
        int digits = 0, symbols = 0;
        foreach (var c in text)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        for (var w = 0; w < buffer.WordCount; w++)
        {
            var first = text[buffer.WordStarts[w]];
            symbols += !char.IsLetterOrDigit(first) && first != '_' ? 1 : 0;
        }

        var original = normalized.Original;
        int exclamations = 0, longestRun = 1, run = 1;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            exclamations += c == '!' ? 1 : 0;
            run = i > 0 && original[i - 1] == c && char.IsLetter(c) ? run + 1 : 1;
            longestRun = Math.Max(longestRun, run);
        }

        dense[8] = text.Length == 0 ? 0 : (float)digits / text.Length;
        dense[10] = MathF.Log(1 + symbols) / 2f;
        dense[11] = MathF.Log(1 + exclamations) / 2f;
        dense[12] = longestRun >= 3 ? MathF.Log(longestRun - 1) / 2f : 0f;
    }

    /// <summary>
    /// Sums occurrences per (slot, group), applies term-frequency weighting and IDF, scales each group to unit
    /// length, adds the groups per slot and writes the sorted vector. Leaves in RawShares what each occurrence
    /// contributes to its slot's value.
    /// </summary>
    private void Merge(FeatureBuffer buffer, ReadOnlySpan<float> dense)
    {
        for (var i = 0; i < dense.Length; i++)
        {
            if (dense[i] != 0)
            {
                buffer.AddEntry(i, dense[i]);
            }
        }

        var count = buffer.RawCount;
        if (count == 0)
        {
            return;
        }

        // Key: slot, group, occurrence index; sorting brings each (slot, group) together with no allocation.
        var keys = buffer.SortKeys.AsSpan(0, count);
        for (var k = 0; k < count; k++)
        {
            keys[k] = ((long)buffer.RawSlots[k] << 26) | ((long)buffer.RawGroups[k] << 24) | (long)k;
        }

        buffer.SortKeysBySlotAndGroup(count, _slotAndGroupBits);
        var idf = _idf;
        Span<float> squares = stackalloc float[FeatureBuffer.GroupCount];
        for (var k = 0; k < count;)
        {
            var run = keys[k] >> 24;
            var end = k;
            var total = 0f;
            while (end < count && keys[end] >> 24 == run)
            {
                total += buffer.RawShares[(int)(keys[end] & 0xFFFFFF)];
                end++;
            }

            var slot = (int)(run >> 2);
            var value = Settings.SublinearTf && total > 1f ? 1f + MathF.Log(total) : total;
            if (!idf.IsEmpty)
            {
                value *= idf[slot - FeatureSettings.DenseCount];
            }

            squares[(int)(run & 3)] += value * value;
            var factor = total > 0 ? value / total : 0f;
            for (var j = k; j < end; j++)
            {
                buffer.RawShares[(int)(keys[j] & 0xFFFFFF)] *= factor;
            }

            k = end;
        }

        Span<float> scales = stackalloc float[FeatureBuffer.GroupCount];
        for (var g = 0; g < scales.Length; g++)
        {
            scales[g] = squares[g] > 0 ? 1f / MathF.Sqrt(squares[g]) : 0f;
        }

        for (var k = 0; k < count;)
        {
            var slot = (int)(keys[k] >> 26);
            var value = 0f;
            while (k < count && (int)(keys[k] >> 26) == slot)
            {
                var occurrence = (int)(keys[k] & 0xFFFFFF);
                var share = buffer.RawShares[occurrence] * scales[buffer.RawGroups[occurrence]];
                buffer.RawShares[occurrence] = share;
                value += share;
                k++;
            }

            buffer.AddEntry(slot, value);
        }
    }
}
