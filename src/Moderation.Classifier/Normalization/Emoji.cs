using System.Globalization;

namespace Moderation.Classifier.Normalization;

/// <summary>Emoji and other pictographic symbols in folded text.</summary>
internal static class Emoji
{
    /// <summary>The width of the emoji or other symbol at <paramref name="i"/> (1 or 2 UTF-16 units), or 0.</summary>
    public static int WidthAt(string text, int i)
    {
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1])) == UnicodeCategory.OtherSymbol ? 2 : 0;
        }

        return text[i] >= '\u00A0' && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.OtherSymbol ? 1 : 0;
    }
}
