using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Instances_Coordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SendRates");

            migrationBuilder.DropTable(
                name: "WorkLeases");

            migrationBuilder.DropIndex(
                name: "IX_OutboundMessages_LeaseOwner",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "OutboundMessages");
        }
    }
}
