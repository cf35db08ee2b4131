namespace Moderation.Service.Data;

/// <summary>
/// Where comments are stored. PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, otherwise SQLite
/// (the file below, or <c>ConnectionStrings:Sqlite</c> when set):
/// <code>
/// "ConnectionStrings": { "Postgres": "Host=db;Username=moderation;Password=...;Database=moderation" },
/// "Moderation": { "Storage": { "SqlitePath": "data/moderation.db", "MigrateOnStart": true } }
/// </code>
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Moderation:Storage";

    /// <summary>The SQLite file of the embedded default, relative to the content root.</summary>
    public string SqlitePath { get; set; } = "data/moderation.db";

    /// <summary>Apply pending migrations at start (replicas coordinate through EF Core's migration lock).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long start-up waits for the database before giving up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
