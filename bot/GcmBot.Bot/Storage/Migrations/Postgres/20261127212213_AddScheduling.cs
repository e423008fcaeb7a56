using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddScheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "Conversations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    ThemeCode = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Invite = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConceptNoteUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Teams = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LastChange = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    TeamsFailure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FailureCount = table.Column<int>(type: "integer", nullable: false),
                    EventGeneration = table.Column<int>(type: "integer", nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    JoinUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    OnlineMeetingId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ChatThreadId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReportConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    OrganiserTimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationInvitees",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancellationNotified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationInvitees", x => new { x.ConsultationId, x.UserStableId });
                    table.ForeignKey(
                        name: "FK_ConsultationInvitees_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationInvitees_UserStableId",
                table: "ConsultationInvitees",
                column: "UserStableId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ChatThreadId",
                table: "Consultations",
                column: "ChatThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Key",
                table: "Consultations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_RequestKey",
                table: "Consultations",
                column: "RequestKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Teams_UpdatedAt",
                table: "Consultations",
                columns: new[] { "Teams", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ThemeCode_Start",
                table: "Consultations",
                columns: new[] { "ThemeCode", "Start" },
                unique: true,
                filter: "\"Status\" = 'Scheduled'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationInvitees");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "Conversations");
        }
    }
}
