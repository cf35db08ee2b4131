namespace Moderation.Classifier.Evaluation;

/// <summary>The ways spammers disguise words, as <see cref="ObfuscationRewriter"/> imitates them.</summary>
public enum ObfuscationKind
{
    /// <summary>A random mix of the kinds below, one or two per comment, applied to most words.</summary>
    Mixed,

    /// <summary>Mathematical, fullwidth, circled or squared letters (𝐆𝐀𝐂𝐎𝐑, 𝕊𝕃𝕆𝕋, Ｇａｃｏｒ).</summary>
    Styled,

    /// <summary>Cyrillic and Greek letters that look Latin.</summary>
    Lookalike,

    /// <summary>Digits for letters (g4c0r).</summary>
    Leet,

    /// <summary>Letters split by dots, spaces or dashes (g.a.c.o.r).</summary>
    Split,

    /// <summary>Zero-width characters between letters.</summary>
    ZeroWidth,

    /// <summary>Stretched vowels (gaaaacor).</summary>
    Stretch,
}
