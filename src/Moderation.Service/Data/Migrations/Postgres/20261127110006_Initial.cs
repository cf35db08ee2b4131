using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Moderation.Service.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SiteId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CommentId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ArticleId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ArticleUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ParentCommentId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AuthorEmailHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AuthorIpHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Referrer = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Spam = table.Column<float>(type: "real", nullable: false),
                    Abuse = table.Column<float>(type: "real", nullable: false),
                    Hate = table.Column<float>(type: "real", nullable: false),
                    ModelVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommentRecordId = table.Column<long>(type: "bigint", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decisions_comments_CommentRecordId",
                        column: x => x.CommentRecordId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_ArticleId_Status_SubmittedAt",
                table: "comments",
                columns: new[] { "SiteId", "ArticleId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_AuthorId_ReceivedAt",
                table: "comments",
                columns: new[] { "SiteId", "AuthorId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_CommentId",
                table: "comments",
                columns: new[] { "SiteId", "CommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_Status_ReceivedAt",
                table: "comments",
                columns: new[] { "SiteId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_CommentRecordId_Revision",
                table: "decisions",
                columns: new[] { "CommentRecordId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_DecidedBy_DecidedAt",
                table: "decisions",
                columns: new[] { "DecidedBy", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "comments");
        }
    }
}
