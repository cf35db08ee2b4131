namespace Moderation.Classifier.Features;

/// <summary>How texts become feature vectors; stored in the model so scoring uses what training used.</summary>
/// <param name="HashBits">The hashed part of the vector has 2^HashBits slots.</param>
/// <param name="CharMinLength">Shortest character n-gram.</param>
/// <param name="CharMaxLength">Longest character n-gram.</param>
/// <param name="WordBigrams">Whether pairs of neighbouring words are features.</param>
/// <param name="SqueezeDoubles">Whether doubled letters count once in character n-grams of the normalised text ("maaf" as "maf").</param>
/// <param name="InverseDocumentFrequency">Whether hashed counts are weighted by inverse document frequency (stored in the model).</param>
public sealed record FeatureSettings(int HashBits = 20, int CharMinLength = 2, int CharMaxLength = 5, bool WordBigrams = true, bool SqueezeDoubles = true, bool InverseDocumentFrequency = true)
{
    /// <summary>The number of dense signal features at the start of the vector.</summary>
    public const int DenseCount = 16;

    /// <summary>Whether runs of three neighbouring words are features too.</summary>
    public bool WordTrigrams { get; init; }

    /// <summary>
    /// Whether words come from the original text (lower-cased runs of two or more letters, digits or underscores, as
    /// a plain TF-IDF tokenizer does) instead of the normalised text. Only for measuring what the normaliser is worth.
    /// </summary>
    public bool RawWords { get; init; }

    /// <summary>
    /// Whether each word of the normalised text made only of ASCII lower-case letters, three or more, also gives a
    /// hashed word feature for its consonant skeleton: the first letter kept, later vowels (a e i o u) dropped, doubled
    /// letters collapsed and a word-final "ng" read as "g" ("gacor" and "gcr" give "gcr", "sekarang" and "skrg" give
    /// "skrg", "yang" and "yg" give "yg"). Indonesian chat writes many words without their vowels, as slang and as a
    /// disguise, so the skeleton lets both spellings share a feature. Weighted like a word unigram; off in models
    /// trained before it existed.
    /// </summary>
    public bool SkeletonWords { get; init; }

    /// <summary>
    /// Whether skeletons (<see cref="SkeletonWords"/>) are taken of the word as it sounds: "ph" as "f", "c" (not in
    /// "ch"), "ck" and "q" as "k", "x" as "ks", "z" as "s", "oe" and "oo" as "u", a first "th" as "d", and at the end
    /// "nk" as "ng", "er" as "a", "au" as "o", "ai" as "e". Alay, the old Indonesian spelling and English text-speak
    /// respell words by sound ("zubzkribe", "sekarank", "kamoe", "phree", "nigga"), so both spellings then share the
    /// skeleton. Off in models trained before it existed.
    /// </summary>
    public bool SkeletonSounds { get; init; }

    /// <summary>
    /// Whether each word of four or more ASCII lower-case letters also gives a hashed word feature for its letters with
    /// the first and last kept and the ones between sorted ("gacor" and the swapped "gcaor" both give "gacor", "anjing"
    /// and "ajning" both give "aijnng"). Swapping neighbouring letters keeps a word readable and breaks its word
    /// feature and most of its character n-grams. Weighted like a word unigram; off in models trained before it existed.
    /// </summary>
    public bool SortedMiddleWords { get; init; }

    /// <summary>Whether character n-grams of the normalised text are features.</summary>
    public bool NormalizedCharGrams { get; init; } = true;

    /// <summary>
    /// Whether character n-grams of the normalised text run across the space between words ("a b" gives "a b")
    /// instead of staying inside each word padded with boundary marks ("&lt;ab&gt;").
    /// </summary>
    public bool CharGramsAcrossWords { get; init; }

    /// <summary>
    /// Whether character n-grams of the original text, lower-cased with white space collapsed, are features too:
    /// they keep what normalisation drops (punctuation, currency and digit patterns, the disguise itself).
    /// </summary>
    public bool RawCharGrams { get; init; } = true;

    /// <summary>
    /// Whether the original text's characters are folded like the normaliser folds them (styled and look-alike letters
    /// to Latin, invisible characters dropped) before its n-grams are taken.
    /// </summary>
    public bool FoldOriginalCharGrams { get; init; } = true;

    /// <summary>Whether a count c becomes 1 + ln c before IDF (sublinear term frequency).</summary>
    public bool SublinearTf { get; init; }

    /// <summary>Whether the dense signals (links, phones, styled-letter share...) are features.</summary>
    public bool DenseSignals { get; init; } = true;

    /// <summary>
    /// Whether the shares of Indonesian and English function words are features: they let a head keep a baseline per
    /// language (the Indonesian and English abuse/hate data have very different shares of positives).
    /// </summary>
    public bool LanguageShares { get; init; }

    /// <summary>
    /// The value of the styled-letter-share signal for a text written entirely in styled letters (0 turns the signal
    /// off). Measured: at 0.25 it added nothing to F1 and let the spam head hold ordinary comments written in styled
    /// letters, so the committed model leaves it at 0; the share is still reported in <see cref="TextSignals"/>.
    /// </summary>
    public float StyledShareWeight { get; init; }

    /// <summary>The length of the feature vector.</summary>
    public int Dimension => DenseCount + (1 << HashBits);
}
