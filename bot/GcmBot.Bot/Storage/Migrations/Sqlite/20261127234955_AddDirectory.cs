using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegistrantId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrganisationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StakeholderGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SubregionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    ContactConsent = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ListingConsent = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryImports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganiserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowsJson = table.Column<string>(type: "TEXT", nullable: false),
                    AcceptedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryEntries_EmailKey",
                table: "DirectoryEntries",
                column: "EmailKey",
                unique: true,
                filter: "\"EmailKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryEntries_OrganisationKey",
                table: "DirectoryEntries",
                column: "OrganisationKey",
                unique: true,
                filter: "\"Source\" = 'Import'");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryEntries_RegistrantId",
                table: "DirectoryEntries",
                column: "RegistrantId",
                unique: true,
                filter: "\"RegistrantId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryEntries_StakeholderGroup_CountryCode",
                table: "DirectoryEntries",
                columns: new[] { "StakeholderGroup", "CountryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryImports_ExpiresAt",
                table: "DirectoryImports",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectoryEntries");

            migrationBuilder.DropTable(
                name: "DirectoryImports");
        }
    }
}
