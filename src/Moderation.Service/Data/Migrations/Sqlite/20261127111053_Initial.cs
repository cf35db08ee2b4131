using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Moderation.Service.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sites = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CommentId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DetailsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "author_bans",
                columns: table => new
                {
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    BannedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    BannedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_author_bans", x => new { x.SiteId, x.AuthorId });
                });

            migrationBuilder.CreateTable(
                name: "comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CommentId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ArticleId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ArticleUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ParentCommentId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AuthorEmailHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AuthorIpHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Referrer = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Spam = table.Column<float>(type: "REAL", nullable: false),
                    Abuse = table.Column<float>(type: "REAL", nullable: false),
                    Hate = table.Column<float>(type: "REAL", nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReasonsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReasonCodes = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Risk = table.Column<float>(type: "REAL", nullable: false),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsHandled = table.Column<int>(type: "INTEGER", nullable: false),
                    Reported = table.Column<bool>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "site_policies",
                columns: table => new
                {
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PolicyJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site_policies", x => x.SiteId);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReasonsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "fingerprints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Band = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fingerprints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fingerprints_comments_CommentRecordId",
                        column: x => x.CommentRecordId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReporterId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reports_comments_CommentRecordId",
                        column: x => x.CommentRecordId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Actor_At",
                table: "audit_log",
                columns: new[] { "Actor", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_SiteId_At",
                table: "audit_log",
                columns: new[] { "SiteId", "At" });

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
                name: "IX_comments_SiteId_Reported_ReceivedAt",
                table: "comments",
                columns: new[] { "SiteId", "Reported", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_Status_ReceivedAt",
                table: "comments",
                columns: new[] { "SiteId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_comments_SiteId_Status_Risk",
                table: "comments",
                columns: new[] { "SiteId", "Status", "Risk" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_CommentRecordId_Revision",
                table: "decisions",
                columns: new[] { "CommentRecordId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_DecidedBy_DecidedAt",
                table: "decisions",
                columns: new[] { "DecidedBy", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_decisions_PublishedAt",
                table: "decisions",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_fingerprints_At",
                table: "fingerprints",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_fingerprints_CommentRecordId",
                table: "fingerprints",
                column: "CommentRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_fingerprints_SiteId_Band_At",
                table: "fingerprints",
                columns: new[] { "SiteId", "Band", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_CommentRecordId_ReporterId",
                table: "reports",
                columns: new[] { "CommentRecordId", "ReporterId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "author_bans");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "fingerprints");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropTable(
                name: "site_policies");

            migrationBuilder.DropTable(
                name: "comments");
        }
    }
}
