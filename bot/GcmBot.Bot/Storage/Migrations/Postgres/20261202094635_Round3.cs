using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Round3 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AttendanceEntries",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceEntries", x => new { x.ConsultationId, x.UserStableId });
                    table.ForeignKey(
                        name: "FK_AttendanceEntries_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationAttendances",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastProblem = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reports = table.Column<int>(type: "integer", nullable: false),
                    MembersNotRegistered = table.Column<int>(type: "integer", nullable: false),
                    Guests = table.Column<int>(type: "integer", nullable: false),
                    Anonymous = table.Column<int>(type: "integer", nullable: false),
                    ByPhone = table.Column<int>(type: "integer", nullable: false),
                    NotifyConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationAttendances", x => x.ConsultationId);
                    table.ForeignKey(
                        name: "FK_ConsultationAttendances_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationResources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationResources_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DraftSummaries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Introduction = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedContent = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftSummaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DraftSummaryWordings",
                columns: table => new
                {
                    KeyIssueId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftSummaryWordings", x => x.KeyIssueId);
                });

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
                name: "IX_AttendanceEntries_UserStableId",
                table: "AttendanceEntries",
                column: "UserStableId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationResources_ConsultationId_Url",
                table: "ConsultationResources",
                columns: new[] { "ConsultationId", "Url" },
                unique: true);

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
                name: "AttendanceEntries");

            migrationBuilder.DropTable(
                name: "ConsultationAttendances");

            migrationBuilder.DropTable(
                name: "ConsultationResources");

            migrationBuilder.DropTable(
                name: "DraftSummaries");

            migrationBuilder.DropTable(
                name: "DraftSummaryWordings");

            migrationBuilder.DropTable(
                name: "PanelEndorsements");

            migrationBuilder.DropTable(
                name: "SideEventProposals");

            migrationBuilder.DropTable(
                name: "PanelProposals");
        }
    }
}
