namespace Moderation.Contracts;

/// <summary>A range of the original comment text, in UTF-16 code units (JavaScript string offsets).</summary>
public sealed record TextSpan
{
    /// <summary>Offset of the first character.</summary>
    public int Start { get; init; }

    /// <summary>Number of characters.</summary>
    public int Length { get; init; }
}
