namespace Moderation.Contracts;

/// <summary>One problem with a submission.</summary>
public sealed record SubmissionError
{
    /// <summary>The field at fault, in camelCase (<c>text</c>, <c>siteId</c>), or <c>body</c> for the message as a whole.</summary>
    public required string Field { get; init; }

    /// <summary>A stable error kind: <c>required</c>, <c>too_long</c>, <c>invalid_format</c>, <c>unreadable_body</c>, ...</summary>
    public required string Kind { get; init; }

    /// <summary>What is wrong and how to fix it, in words a site developer can act on.</summary>
    public required string Message { get; init; }
}
