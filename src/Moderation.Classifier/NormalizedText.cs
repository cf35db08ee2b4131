namespace Moderation.Classifier;

/// <summary>
/// A text after <see cref="TextNormalizer"/>: lower-case Latin letters and digits, look-alikes, styled letters,
/// leetspeak, separators, zero-width characters and stretched letters undone, and URLs, e-mails, phone numbers,
/// handles and messenger contacts replaced by tokens. Words are separated by single spaces. Keeps a map back to
/// the original text.
/// </summary>
public sealed class NormalizedText
{
    internal NormalizedText(string original, string text, int[] starts, int[] ends, TextSignals signals)
    {
        Original = original;
        Text = text;
        _starts = starts;
        _ends = ends;
        Signals = signals;
    }

    private readonly int[] _starts;
    private readonly int[] _ends;

    /// <summary>The text as the author wrote it.</summary>
    public string Original { get; }

    /// <summary>The normalised text.</summary>
    public string Text { get; }

    /// <summary>Per character of <see cref="Text"/>: where its original range starts.</summary>
    internal ReadOnlySpan<int> OriginalStarts => _starts;

    /// <summary>Per character of <see cref="Text"/>: where its original range ends.</summary>
    internal ReadOnlySpan<int> OriginalEnds => _ends;

    /// <summary>Signals counted while normalising.</summary>
    public TextSignals Signals { get; }

    /// <summary>Maps a range of <see cref="Text"/> to the range of <see cref="Original"/> it came from.</summary>
    public (int Start, int Length) ToOriginal(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Text.Length);
        if (Text.Length == 0)
        {
            return (0, 0);
        }

        var first = Math.Min(start, Text.Length - 1);
        if (length == 0)
        {
            return (_starts[first], 0);
        }

        var (originalStart, originalEnd) = OriginalRange(first, start + length - 1);
        return (originalStart, Math.Max(0, originalEnd - originalStart));
    }

    /// <summary>The original range characters <paramref name="first"/> to <paramref name="last"/> of <see cref="Text"/> came from.</summary>
    internal (int Start, int End) OriginalRange(int first, int last) =>
        Normalization.OriginalRanges.Cover(_starts.AsSpan(first..(last + 1)), _ends.AsSpan(first..(last + 1)));
}
