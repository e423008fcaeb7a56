using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Round2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NearlyUpNoticedAt",
                table: "SpeakerRequests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "SpeakerRequests",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Requests made before this change were all made by people signed in to Teams.
                defaultValue: "Member");

            migrationBuilder.AddColumn<bool>(
                name: "AskerNoticePending",
                table: "Questions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ActivityJson",
                table: "OutboundMessages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "OutboundMessages",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "OutboundMessages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacesActivityId",
                table: "OutboundMessages",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ManageLinks",
                columns: table => new
                {
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManageLinks", x => x.SecretHash);
                });

            migrationBuilder.CreateTable(
                name: "SendRates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    NextFreeMicros = table.Column<long>(type: "bigint", nullable: false),
                    IntervalMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendRates", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "WorkLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UntilMicros = table.Column<long>(type: "bigint", nullable: false),
                    NotBeforeMicros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLeases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_LeaseOwner",
                table: "OutboundMessages",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_ManageLinks_UserStableId",
                table: "ManageLinks",
                column: "UserStableId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ManageLinks");

            migrationBuilder.DropTable(
                name: "SendRates");

            migrationBuilder.DropTable(
                name: "WorkLeases");

            migrationBuilder.DropIndex(
                name: "IX_OutboundMessages_LeaseOwner",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "NearlyUpNoticedAt",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "AskerNoticePending",
                table: "Questions");

            migrationBuilder.DropColumn(
                name: "ActivityJson",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "ReplacesActivityId",
                table: "OutboundMessages");
        }
    }
}
