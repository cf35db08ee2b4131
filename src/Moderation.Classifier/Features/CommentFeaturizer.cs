namespace Moderation.Classifier.Features;

/// <summary>
/// Turns a normalised comment into a sparse vector: a few dense signals (links, phones, contacts, styled-letter
/// share, repetition...) followed by hashed word unigrams and bigrams and hashed character n-grams taken inside
/// word boundaries. Word and character parts are each scaled to unit length. Every hashed feature remembers the
/// word it came from, so a linear head's score can be split exactly over the words of the text.
/// </summary>
internal sealed class CommentFeaturizer(FeatureSettings settings, float[]? inverseDocumentFrequency = null)
{
    private const uint WordSeed = 0x1F3D5B79;
    private const uint CharSeed = 0x7A3C1E05;
    private const int MaxCharGramWordLength = 40;

    private readonly int _mask = (1 << settings.HashBits) - 1;

    public FeatureSettings Settings { get; } = settings;

    /// <summary>Per hashed slot (index minus the dense part): the IDF weight, or null for plain counts.</summary>
    public float[]? InverseDocumentFrequency { get; } = inverseDocumentFrequency;

    /// <summary>Names of the dense features, in vector order (for reports and tests).</summary>
    public static IReadOnlyList<string> DenseNames { get; } =
    [
        "links", "emails", "phones", "handles", "messenger", "styled_share", "repetition", "length",
        "digit_share", "unused_9", "emoji", "exclamations", "stretch", "unused_13", "unused_14", "unused_15",
    ];

    public void Featurize(NormalizedText normalized, FeatureBuffer buffer)
    {
        buffer.Clear();
        SplitWords(normalized.Text, buffer);
        AddHashedFeatures(normalized.Text, buffer);
        Span<float> dense = stackalloc float[FeatureSettings.DenseCount];
        ComputeDense(normalized, buffer, dense);
        if (InverseDocumentFrequency is { } idf)
        {
            // Folded into each occurrence's share, so explanations stay an exact split of the score.
            for (var k = 0; k < buffer.RawCount; k++)
            {
                buffer.RawShares[k] *= idf[buffer.RawSlots[k] - FeatureSettings.DenseCount];
            }
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

    private void AddHashedFeatures(string text, FeatureBuffer buffer)
    {
        var previousHash = 0u;
        for (var w = 0; w < buffer.WordCount; w++)
        {
            var word = text.AsSpan(buffer.WordStarts[w], buffer.WordLengths[w]);
            var keyLength = WriteKey(word, buffer);
            var key = buffer.KeyChars.AsSpan(0, keyLength);
            var wordHash = FeatureHash.Mix(FeatureHash.Of(WordSeed, key));
            buffer.AddRaw(Slot(wordHash), 0, w, 1f);
            if (Settings.WordBigrams && w > 0)
            {
                // A bigram belongs half to each of its words.
                var slot = Slot(FeatureHash.Combine(previousHash, wordHash));
                buffer.AddRaw(slot, 0, w - 1, 0.5f);
                buffer.AddRaw(slot, 0, w, 0.5f);
            }

            previousHash = wordHash;
            if (char.IsLetterOrDigit(word[0]))
            {
                AddCharGrams(key, w, buffer);
            }
        }
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

    private void AddCharGrams(ReadOnlySpan<char> key, int word, FeatureBuffer buffer)
    {
        // The word is padded with boundary marks: "<gacor>" gives "<g", "ga", ..., "or>".
        var length = Math.Min(key.Length, MaxCharGramWordLength) + 2;
        Span<char> padded = stackalloc char[length];
        padded[0] = '<';
        key[..(length - 2)].CopyTo(padded[1..]);
        padded[length - 1] = '>';
        for (var start = 0; start < length; start++)
        {
            var hash = FeatureHash.Offset ^ CharSeed;
            var end = Math.Min(length, start + Settings.CharMaxLength);
            for (var i = start; i < end; i++)
            {
                hash = FeatureHash.Add(hash, padded[i]);
                var n = i - start + 1;
                if (n >= Settings.CharMinLength && !(n == 1 && (padded[i] == '<' || padded[i] == '>')))
                {
                    buffer.AddRaw(Slot(FeatureHash.Mix(hash + (uint)n)), 1, word, 1f);
                }
            }
        }
    }

    private int Slot(uint hash) => FeatureSettings.DenseCount + (int)(hash & (uint)_mask);

    private static void ComputeDense(NormalizedText normalized, FeatureBuffer buffer, Span<float> dense)
    {
        var signals = normalized.Signals;
        dense[0] = MathF.Log(1 + signals.Links);
        dense[1] = MathF.Log(1 + signals.Emails);
        dense[2] = MathF.Log(1 + signals.Phones);
        dense[3] = MathF.Log(1 + signals.Handles);
        dense[4] = MathF.Log(1 + signals.MessengerContacts);

        // Deliberately weak (scaled down): styled letters are a hint, never a verdict on their own.
        dense[5] = 0.25f * signals.StyledLetterShare;

        var text = normalized.Text;
        if (buffer.WordCount >= 3)
        {
            var distinct = new HashSet<int>();
            for (var w = 0; w < buffer.WordCount; w++)
            {
                distinct.Add(string.GetHashCode(text.AsSpan(buffer.WordStarts[w], buffer.WordLengths[w]), StringComparison.Ordinal));
            }

            dense[6] = 1f - (float)distinct.Count / buffer.WordCount;
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

    private static void Merge(FeatureBuffer buffer, ReadOnlySpan<float> dense)
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
            buffer.GroupScales[0] = buffer.GroupScales[1] = 0;
            return;
        }

        var keys = buffer.SortKeys;
        var shares = new float[count];
        for (var k = 0; k < count; k++)
        {
            keys[k] = ((long)buffer.RawSlots[k] << 1) | buffer.RawGroups[k];
            shares[k] = buffer.RawShares[k];
        }

        Array.Sort(keys, shares, 0, count);

        // Sum per (slot, group) in place, then scale each group to unit length.
        var merged = 0;
        Span<float> squares = stackalloc float[2];
        for (var k = 0; k < count;)
        {
            var key = keys[k];
            var value = 0f;
            while (k < count && keys[k] == key)
            {
                value += shares[k++];
            }

            keys[merged] = key;
            shares[merged] = value;
            squares[(int)(key & 1)] += value * value;
            merged++;
        }

        buffer.GroupScales[0] = squares[0] > 0 ? 1f / MathF.Sqrt(squares[0]) : 0f;
        buffer.GroupScales[1] = squares[1] > 0 ? 1f / MathF.Sqrt(squares[1]) : 0f;
        for (var k = 0; k < merged;)
        {
            var slot = (int)(keys[k] >> 1);
            var value = 0f;
            while (k < merged && (int)(keys[k] >> 1) == slot)
            {
                value += shares[k] * buffer.GroupScales[(int)(keys[k] & 1)];
                k++;
            }

            buffer.AddEntry(slot, value);
        }
    }
}
