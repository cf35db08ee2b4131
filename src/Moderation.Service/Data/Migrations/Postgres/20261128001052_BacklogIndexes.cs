using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moderation.Service.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BacklogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // CONCURRENTLY, outside the migration's transaction: building them reads the whole comments table, and a
            // plain CREATE INDEX would hold up every insert (every replica's batches) until it is done. A build that was
            // interrupted leaves an INVALID index and no history row, so the next start drops it and builds it again.
            foreach (var (name, filter) in new[] { ("IX_comments_SiteId_pending", "\"Status\" = 'Pending'"), ("IX_comments_SiteId_reported", "\"Reported\"") })
            {
                migrationBuilder.Sql($"""DROP INDEX CONCURRENTLY IF EXISTS "{name}";""", suppressTransaction: true);
                migrationBuilder.Sql($"""CREATE INDEX CONCURRENTLY "{name}" ON comments ("SiteId") WHERE {filter};""", suppressTransaction: true);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_comments_SiteId_pending",
                table: "comments");

            migrationBuilder.DropIndex(
                name: "IX_comments_SiteId_reported",
                table: "comments");
        }
    }
}
