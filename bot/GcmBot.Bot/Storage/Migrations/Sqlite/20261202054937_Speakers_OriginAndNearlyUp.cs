using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Speakers_OriginAndNearlyUp : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NearlyUpNoticedAt",
                table: "SpeakerRequests");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "SpeakerRequests");
        }
    }
}
