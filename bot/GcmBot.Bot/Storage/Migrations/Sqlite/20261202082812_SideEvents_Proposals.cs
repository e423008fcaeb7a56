using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SideEvents_Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SideEventProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmitKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposerId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ProposerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactConsent = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisers = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CoOrganisers = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Objectives = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpectedSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Accessibility = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AccessibilityNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SideEventProposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SideEventProposals_ProposerId",
                table: "SideEventProposals",
                column: "ProposerId");

            migrationBuilder.CreateIndex(
                name: "IX_SideEventProposals_Status",
                table: "SideEventProposals",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SideEventProposals_SubmitKey",
                table: "SideEventProposals",
                column: "SubmitKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SideEventProposals");
        }
    }
}
