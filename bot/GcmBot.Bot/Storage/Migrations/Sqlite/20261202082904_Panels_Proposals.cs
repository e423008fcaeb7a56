using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Panels_Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PanelProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmitKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Panel = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ProposerId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NomineeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NomineeOrganisation = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    NomineeGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NomineeCountry = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Expertise = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NomineeEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    NomineeUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NamedWithConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelEndorsements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Panel = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    EndorserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    EndorsedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelEndorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelEndorsements_PanelProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "PanelProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PanelEndorsements_EndorserId",
                table: "PanelEndorsements",
                column: "EndorserId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelEndorsements_Panel_EndorserId",
                table: "PanelEndorsements",
                columns: new[] { "Panel", "EndorserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelEndorsements_ProposalId",
                table: "PanelEndorsements",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelProposals_NomineeUserId",
                table: "PanelProposals",
                column: "NomineeUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelProposals_Panel_Status",
                table: "PanelProposals",
                columns: new[] { "Panel", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelProposals_ProposerId",
                table: "PanelProposals",
                column: "ProposerId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelProposals_SubmitKey",
                table: "PanelProposals",
                column: "SubmitKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelEndorsements");

            migrationBuilder.DropTable(
                name: "PanelProposals");
        }
    }
}
