using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
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
