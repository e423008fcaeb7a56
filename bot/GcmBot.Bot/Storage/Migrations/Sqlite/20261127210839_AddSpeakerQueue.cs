using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddSpeakerQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpeakerQueues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MeetingId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SpeakingLimitSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentRequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    RenderedVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    CardActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CardPostedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CardUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerQueues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerQueueChairs",
                columns: table => new
                {
                    QueueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserTeamsId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LastActedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerQueueChairs", x => new { x.QueueId, x.UserStableId });
                    table.ForeignKey(
                        name: "FK_SpeakerQueueChairs_SpeakerQueues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "SpeakerQueues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpeakerRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QueueId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Adjustment = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjustedSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TimeUpAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TimeUpWarnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CalledByStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StakeholderGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Subregion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NextNoticeSent = table.Column<bool>(type: "INTEGER", nullable: false),
                    FloorNoticeSent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpeakerRequests_SpeakerQueues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "SpeakerQueues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerQueueChairs_UserStableId",
                table: "SpeakerQueueChairs",
                column: "UserStableId");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerQueues_ConversationId",
                table: "SpeakerQueues",
                column: "ConversationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerQueues_Version_RenderedVersion",
                table: "SpeakerQueues",
                columns: new[] { "Version", "RenderedVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerRequests_OneActivePerPerson",
                table: "SpeakerRequests",
                columns: new[] { "QueueId", "UserStableId" },
                unique: true,
                filter: "\"Status\" IN ('Waiting', 'Speaking')");

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerRequests_QueueId_Status",
                table: "SpeakerRequests",
                columns: new[] { "QueueId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerRequests_Status_TimeUpAt",
                table: "SpeakerRequests",
                columns: new[] { "Status", "TimeUpAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SpeakerRequests_UserStableId",
                table: "SpeakerRequests",
                column: "UserStableId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpeakerQueueChairs");

            migrationBuilder.DropTable(
                name: "SpeakerRequests");

            migrationBuilder.DropTable(
                name: "SpeakerQueues");
        }
    }
}
