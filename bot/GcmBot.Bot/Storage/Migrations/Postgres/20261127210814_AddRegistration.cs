using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistrationEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Themes = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    RegistrationOpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RegistrationClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Confirmation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderProfiles",
                columns: table => new
                {
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    StakeholderGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Gender = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    IsMigrant = table.Column<bool>(type: "boolean", nullable: false),
                    SpeaksForMigrantsInVulnerableSituations = table.Column<bool>(type: "boolean", nullable: false),
                    Themes = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    WishesToSpeak = table.Column<bool>(type: "boolean", nullable: false),
                    OffersAsPanellist = table.Column<bool>(type: "boolean", nullable: false),
                    AccessibilityNeeds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConsentVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderProfiles", x => x.UserStableId);
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_RegistrationEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "RegistrationEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_Status_QueuedAt",
                table: "EventRegistrations",
                columns: new[] { "EventId", "Status", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_UserStableId_EventId",
                table: "EventRegistrations",
                columns: new[] { "UserStableId", "EventId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "StakeholderProfiles");

            migrationBuilder.DropTable(
                name: "RegistrationEvents");
        }
    }
}
