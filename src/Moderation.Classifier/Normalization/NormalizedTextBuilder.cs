namespace Moderation.Classifier.Normalization;

/// <summary>Builds the normalised text word by word, with the original range of every character.</summary>
internal sealed class NormalizedTextBuilder(int capacity)
{
    private char[] _chars = new char[Math.Max(16, capacity)];
    private int[] _starts = new int[Math.Max(16, capacity)];
    private int[] _ends = new int[Math.Max(16, capacity)];
    private int _length;
    private int _lastWordStart = -1;

    /// <summary>Appends a word whose characters all stand for one original range (tokens, standard spellings).</summary>
    public void AppendWord(ReadOnlySpan<char> word, int originalStart, int originalEnd)
    {
        AppendSeparator(originalStart);
        _lastWordStart = _length;
        foreach (var c in word)
        {
            Add(c, originalStart, originalEnd);
        }
    }

    /// <summary>Appends a word whose characters each keep their own original range.</summary>
    public void AppendWord(ReadOnlySpan<char> word, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        AppendSeparator(starts[0]);
        _lastWordStart = _length;
        for (var i = 0; i < word.Length; i++)
        {
            Add(word[i], starts[i], ends[i]);
        }
    }

    /// <summary>True when the last word is exactly <paramref name="word"/>.</summary>
    public bool EndsWithWord(ReadOnlySpan<char> word) =>
        _lastWordStart >= 0 && _chars.AsSpan(_lastWordStart, _length - _lastWordStart).SequenceEqual(word);

    /// <summary>Makes the last word cover the original range [<paramref name="originalStart"/>, <paramref name="originalEnd"/>) too.</summary>
    /// <remarks>The range can lie before the word's own: text read upside down runs backwards through the original.</remarks>
    public void ExtendLastWord(int originalStart, int originalEnd)
    {
        for (var i = _lastWordStart; i < _length; i++)
        {
            _starts[i] = Math.Min(_starts[i], originalStart);
            _ends[i] = Math.Max(_ends[i], originalEnd);
        }
    }

    public NormalizedText Build(string original, TextSignals signals) =>
        new(original, new string(_chars, 0, _length), _starts[.._length], _ends[.._length], signals);

    private void AppendSeparator(int nextOriginalStart)
    {
        if (_length == 0)
        {
            return;
        }

        // The space between two words stands for the original text between them.
        Add(' ', _ends[_length - 1], Math.Max(_ends[_length - 1], nextOriginalStart));
    }

    private void Add(char c, int start, int end)
    {
        if (_length == _chars.Length)
        {
            Array.Resize(ref _chars, _length * 2);
            Array.Resize(ref _starts, _length * 2);
            Array.Resize(ref _ends, _length * 2);
        }

        _chars[_length] = c;
        _starts[_length] = start;
        _ends[_length] = end;
        _length++;
    }
}
