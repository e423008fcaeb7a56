using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Speakers_OriginAndNearlyUp : Migration
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
