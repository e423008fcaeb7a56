using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmitKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProposerId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ProposerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    ContactConsent = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisers = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CoOrganisers = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Partner = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Theme = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpectedSize = table.Column<int>(type: "integer", nullable: false),
                    Accessibility = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    AccessibilityNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EventId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
