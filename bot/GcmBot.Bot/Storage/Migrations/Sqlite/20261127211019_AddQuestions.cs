using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QnaSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PreModeration = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskerVisibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PinnedQuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    BoardActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    RenderedVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QnaSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QnaModerators",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamsUserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AadObjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QnaModerators", x => new { x.SessionId, x.TeamsUserId });
                    table.ForeignKey(
                        name: "FK_QnaModerators_QnaSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "QnaSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AskedAnonymously = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VoteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_QnaSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "QnaSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VotedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionVotes_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QnaModerators_AadObjectId",
                table: "QnaModerators",
                column: "AadObjectId");

            migrationBuilder.CreateIndex(
                name: "IX_QnaSessions_ConversationId",
                table: "QnaSessions",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_QnaSessions_OneOpenPerConversation",
                table: "QnaSessions",
                column: "ConversationId",
                unique: true,
                filter: "\"Status\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_QnaSessions_TenantId_Status",
                table: "QnaSessions",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Questions_AuthorId",
                table: "Questions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_SessionId_AskKey",
                table: "Questions",
                columns: new[] { "SessionId", "AskKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questions_SessionId_Number",
                table: "Questions",
                columns: new[] { "SessionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questions_SessionId_Status_VoteCount",
                table: "Questions",
                columns: new[] { "SessionId", "Status", "VoteCount" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionVotes_QuestionId_VoterId",
                table: "QuestionVotes",
                columns: new[] { "QuestionId", "VoterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionVotes_VoterId",
                table: "QuestionVotes",
                column: "VoterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QnaModerators");

            migrationBuilder.DropTable(
                name: "QuestionVotes");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropTable(
                name: "QnaSessions");
        }
    }
}
