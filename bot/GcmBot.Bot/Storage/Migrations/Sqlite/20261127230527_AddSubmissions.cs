using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Objectives = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    QuestionRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InterventionRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WrittenSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmitKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Objectives = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
