using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    RegistrationOpensAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegistrationClosesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Confirmation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderProfiles",
                columns: table => new
                {
                    UserStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    StakeholderGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IsMigrant = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpeaksForMigrantsInVulnerableSituations = table.Column<bool>(type: "INTEGER", nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    WishesToSpeak = table.Column<bool>(type: "INTEGER", nullable: false),
                    OffersAsPanellist = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessibilityNeeds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderProfiles", x => x.UserStableId);
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserStableId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
