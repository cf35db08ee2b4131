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
            // plain CREATE INDEX would hold up every insert (every replica's batches) until it is done.
            migrationBuilder.Sql(
                """CREATE INDEX CONCURRENTLY IF NOT EXISTS "IX_comments_SiteId_pending" ON comments ("SiteId") WHERE "Status" = 'Pending';""",
                suppressTransaction: true);
            migrationBuilder.Sql(
                """CREATE INDEX CONCURRENTLY IF NOT EXISTS "IX_comments_SiteId_reported" ON comments ("SiteId") WHERE "Reported";""",
                suppressTransaction: true);
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
