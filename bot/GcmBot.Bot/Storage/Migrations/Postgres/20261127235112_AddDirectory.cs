using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegistrantId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganisationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StakeholderGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SubregionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Themes = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    SearchText = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    ContactConsent = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ListingConsent = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryImports",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganiserId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowsJson = table.Column<string>(type: "text", nullable: false),
                    AcceptedCount = table.Column<int>(type: "integer", nullable: false),
                    MergedCount = table.Column<int>(type: "integer", nullable: false),
                    RejectedCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
