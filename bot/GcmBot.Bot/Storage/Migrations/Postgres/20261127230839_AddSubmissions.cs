using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeyIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Themes = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EventId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    QuestionRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InterventionRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WrittenSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmitKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Themes = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Consent = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WrittenSubmissions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeyIssues_ConversationId",
                table: "KeyIssues",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyIssues_EventId",
                table: "KeyIssues",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyIssues_RecordKey",
                table: "KeyIssues",
                column: "RecordKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WrittenSubmissions_AuthorId",
                table: "WrittenSubmissions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenSubmissions_Status",
                table: "WrittenSubmissions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenSubmissions_SubmitKey",
                table: "WrittenSubmissions",
                column: "SubmitKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeyIssues");

            migrationBuilder.DropTable(
                name: "WrittenSubmissions");
        }
    }
}
