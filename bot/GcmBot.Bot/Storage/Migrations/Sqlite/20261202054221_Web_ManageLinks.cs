using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Web_ManageLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ManageLinks",
                columns: table => new
                {
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManageLinks", x => x.SecretHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ManageLinks_UserStableId",
                table: "ManageLinks",
                column: "UserStableId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManageLinks");
        }
    }
}
