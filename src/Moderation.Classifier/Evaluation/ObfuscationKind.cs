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

    /// <summary>
    /// A random mix of the kinds below, one or two per comment: disguises the training copies never use (they use
    /// <see cref="Mixed"/> only), so they measure how far the normaliser reaches, not what the heads learned.
    /// </summary>
    Unseen,

    /// <summary>Symbols for letters ($l0t, j@ckp0t, g@c0r).</summary>
    SymbolLeet,

    /// <summary>Styled alphabets the training copies do not use: italic, script, fraktur, small capitals, superscript, parenthesised, negative circled.</summary>
    OtherStyles,

    /// <summary>Look-alikes the training copies do not use: Armenian and Cherokee letters, accented Latin letters.</summary>
    OtherLookalikes,

    /// <summary>Combining marks stacked on letters ("Zalgo" text: g̷a̴c̸o̵r).</summary>
    Combining,

    /// <summary>A word broken once or twice inside (ga.cor, sl ot, max-win).</summary>
    PartialSplit,

    /// <summary>Stretched consonants (gacorrrr, slottt).</summary>
    ConsonantStretch,

    /// <summary>Invisible characters the training copies do not use: soft hyphens, invisible separators, variation selectors.</summary>
    OtherInvisible,
}
