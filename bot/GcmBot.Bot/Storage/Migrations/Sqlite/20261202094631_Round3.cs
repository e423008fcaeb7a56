using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
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
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastProblem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersNotRegistered = table.Column<int>(type: "INTEGER", nullable: false),
                    Guests = table.Column<int>(type: "INTEGER", nullable: false),
                    Anonymous = table.Column<int>(type: "INTEGER", nullable: false),
                    ByPhone = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifyConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedContent = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftSummaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DraftSummaryWordings",
                columns: table => new
                {
                    KeyIssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EditedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftSummaryWordings", x => x.KeyIssueId);
                });

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
