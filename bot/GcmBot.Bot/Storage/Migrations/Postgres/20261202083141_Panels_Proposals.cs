using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmitKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Panel = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    ProposerId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NomineeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NomineeOrganisation = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    NomineeGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NomineeCountry = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Expertise = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NomineeEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    NomineeUserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NamedWithConsent = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelEndorsements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Panel = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    EndorserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    EndorsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
