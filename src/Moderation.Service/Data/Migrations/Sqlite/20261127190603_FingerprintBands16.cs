using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moderation.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FingerprintBands16 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Campaign fingerprints move from eight 8-bit bands to four 16-bit bands (SimHash.BandKeys): the stored
            // rows are derived again from each comment's fingerprint (the janitor drops those older than a week).
            migrationBuilder.Sql("""
                DELETE FROM fingerprints;
                INSERT INTO fingerprints ("SiteId", "Band", "Fingerprint", "CommentRecordId", "AuthorId", "At")
                SELECT c."SiteId", (b.n << 16) | ((c."Fingerprint" >> (16 * b.n)) & 65535), c."Fingerprint", c."Id", c."AuthorId", c."ReceivedAt"
                FROM comments c CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) b
                WHERE c."Fingerprint" <> 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DELETE FROM fingerprints;
                INSERT INTO fingerprints ("SiteId", "Band", "Fingerprint", "CommentRecordId", "AuthorId", "At")
                SELECT c."SiteId", (b.n << 16) | ((c."Fingerprint" >> (8 * b.n)) & 255), c."Fingerprint", c."Id", c."AuthorId", c."ReceivedAt"
                FROM comments c CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3
                    UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) b
                WHERE c."Fingerprint" <> 0;
                """);
        }
    }
}
