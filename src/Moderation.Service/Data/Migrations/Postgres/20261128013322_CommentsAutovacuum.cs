using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moderation.Service.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommentsAutovacuum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Comments are mostly inserted, and PostgreSQL vacuums an insert-only table after 20 % of it is new: at two
            // million rows, every 400,000 comments. Until then the newest pages are not marked all-visible, so the
            // author-history read (an index-only scan of each author's newest comments, which are the newest pages)
            // visits the table for each of them, more so the bigger the table. Vacuuming after 1 % + 10,000 new rows
            // keeps that read index-only; such a vacuum only reads the pages written since the last one.
            // SHARE UPDATE EXCLUSIVE: reads and writes go on.
            migrationBuilder.Sql("""
                ALTER TABLE comments SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_insert_threshold = 10000);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE comments RESET (autovacuum_vacuum_insert_scale_factor, autovacuum_vacuum_insert_threshold);
                """);
        }
    }
}
