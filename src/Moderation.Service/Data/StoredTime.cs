namespace Moderation.Service.Data;

/// <summary>
/// PostgreSQL keeps timestamps to the microsecond; .NET has 100 ns ticks. Times are cut to microseconds before they
/// are stored or published, so a verdict built from memory and the same verdict read back are identical.
/// </summary>
public static class StoredTime
{
    public static DateTime Of(DateTimeOffset time) => Of(time.UtcDateTime);

    public static DateTime Of(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
