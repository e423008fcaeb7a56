using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Round2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "NearlyUpNoticedAt",
                table: "SpeakerRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "SpeakerRequests",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                // Requests made before this change were all made by people signed in to Teams.
                defaultValue: "Member");

            migrationBuilder.AddColumn<bool>(
                name: "AskerNoticePending",
                table: "Questions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ActivityJson",
                table: "OutboundMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "OutboundMessages",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "OutboundMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplacesActivityId",
                table: "OutboundMessages",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ManageLinks",
                columns: table => new
                {
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManageLinks", x => x.SecretHash);
                });

            migrationBuilder.CreateTable(
                name: "SendRates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    NextFreeMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    IntervalMicros = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendRates", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "WorkLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UntilMicros = table.Column<long>(type: "INTEGER", nullable: false),
                    NotBeforeMicros = table.Column<long>(type: "INTEGER", nullable: false)
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
