namespace Moderation.Service.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Moderator = "moderator";

    /// <summary>Authorization policy names.</summary>
    public const string ModeratorPolicy = "moderator";
    public const string AdminPolicy = "admin";

    public static bool IsValid(string? role) => role is Admin or Moderator;
}
