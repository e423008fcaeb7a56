using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LanguageChoices",
                columns: table => new
                {
                    Subject = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Chosen = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LanguageChoices", x => new { x.Subject, x.SubjectId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LanguageChoices");
        }
    }
}
