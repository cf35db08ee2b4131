using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moderation.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BacklogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_pending",
                table: "comments",
                column: "SiteId",
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_reported",
                table: "comments",
                column: "SiteId",
                filter: "\"Reported\"");
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
