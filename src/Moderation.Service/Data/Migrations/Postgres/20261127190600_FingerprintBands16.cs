using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moderation.Service.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FingerprintBands16 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_fingerprints_SiteId_Band_At",
                table: "fingerprints");

            migrationBuilder.DropIndex(
                name: "IX_comments_SiteId_AuthorId_ReceivedAt",
                table: "comments");

            // Campaign fingerprints move from eight 8-bit bands to four 16-bit bands (SimHash.BandKeys): the stored
            // rows are derived again from each comment's fingerprint, for the longest window a policy can set.
            migrationBuilder.Sql("""
                DELETE FROM fingerprints;
                INSERT INTO fingerprints ("SiteId", "Band", "Fingerprint", "CommentRecordId", "AuthorId", "At")
                SELECT c."SiteId", (b.n << 16) | ((c."Fingerprint" >> (16 * b.n)) & 65535)::int, c."Fingerprint", c."Id", c."AuthorId", c."ReceivedAt"
                FROM comments c CROSS JOIN generate_series(0, 3) AS b(n)
                WHERE c."Fingerprint" <> 0 AND c."ReceivedAt" >= now() - interval '7 days';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_fingerprints_SiteId_Band_At",
                table: "fingerprints",
                columns: new[] { "SiteId", "Band", "At" })
                .Annotation("Npgsql:IndexInclude", new[] { "Fingerprint", "AuthorId", "CommentRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_AuthorId_ReceivedAt",
                table: "comments",
                columns: new[] { "SiteId", "AuthorId", "ReceivedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_fingerprints_SiteId_Band_At",
                table: "fingerprints");

            migrationBuilder.DropIndex(
                name: "IX_comments_SiteId_AuthorId_ReceivedAt",
                table: "comments");

            migrationBuilder.Sql("""
                DELETE FROM fingerprints;
                INSERT INTO fingerprints ("SiteId", "Band", "Fingerprint", "CommentRecordId", "AuthorId", "At")
                SELECT c."SiteId", (b.n << 16) | ((c."Fingerprint" >> (8 * b.n)) & 255)::int, c."Fingerprint", c."Id", c."AuthorId", c."ReceivedAt"
                FROM comments c CROSS JOIN generate_series(0, 7) AS b(n)
                WHERE c."Fingerprint" <> 0 AND c."ReceivedAt" >= now() - interval '7 days';
                """);

            migrationBuilder.CreateIndex(
                name: "IX_fingerprints_SiteId_Band_At",
                table: "fingerprints",
                columns: new[] { "SiteId", "Band", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_AuthorId_ReceivedAt",
                table: "comments",
                columns: new[] { "SiteId", "AuthorId", "ReceivedAt" });
        }
    }
}
