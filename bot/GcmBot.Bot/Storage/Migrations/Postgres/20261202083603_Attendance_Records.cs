using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Attendance_Records : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceEntries_UserStableId",
                table: "AttendanceEntries",
                column: "UserStableId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceEntries");

            migrationBuilder.DropTable(
                name: "ConsultationAttendances");
        }
    }
}
