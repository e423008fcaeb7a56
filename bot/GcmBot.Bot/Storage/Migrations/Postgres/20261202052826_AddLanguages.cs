using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
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
                    Subject = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Tag = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Chosen = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
