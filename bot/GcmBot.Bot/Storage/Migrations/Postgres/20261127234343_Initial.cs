using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GcmBot.Bot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    ThemeCode = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Invite = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConceptNoteUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Teams = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LastChange = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    TeamsFailure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FailureCount = table.Column<int>(type: "integer", nullable: false),
                    EventGeneration = table.Column<int>(type: "integer", nullable: false),
                    EventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    JoinUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    OnlineMeetingId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ChatThreadId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReportConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    OrganiserTimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConversationType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IsMeetingChat = table.Column<bool>(type: "boolean", nullable: false),
                    BotId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    BotName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UserAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.ConversationId);
                });

            migrationBuilder.CreateTable(
                name: "ExportFiles",
                columns: table => new
                {
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportFiles", x => x.Token);
                });

            migrationBuilder.CreateTable(
                name: "KeyIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Themes = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EventId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    QuestionRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InterventionRef = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboundMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    DeduplicationKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    CardJson = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedActivities",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedActivities", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "QnaSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PreModeration = table.Column<bool>(type: "boolean", nullable: false),
                    AskerVisibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PinnedQuestionId = table.Column<int>(type: "integer", nullable: true),
                    BoardActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastNumber = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    RenderedVersion = table.Column<long>(type: "bigint", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QnaSessions", x => x.Id);
                });

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
                name: "SpeakerQueues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    MeetingId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    Policy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SpeakingLimitSeconds = table.Column<int>(type: "integer", nullable: false),
                    CurrentRequestId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    RenderedVersion = table.Column<long>(type: "bigint", nullable: false),
                    CardActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CardPostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CardUpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpeakerQueues", x => x.Id);
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
                name: "WrittenSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmitKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Themes = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Consent = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReviewComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WrittenSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationInvitees",
                columns: table => new
                {
                    ConsultationId = table.Column<int>(type: "integer", nullable: false),
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancellationNotified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationInvitees", x => new { x.ConsultationId, x.UserStableId });
                    table.ForeignKey(
                        name: "FK_ConsultationInvitees_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QnaModerators",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    TeamsUserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AskedAnonymously = table.Column<bool>(type: "boolean", nullable: false),
                    AskKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VoteCount = table.Column<int>(type: "integer", nullable: false),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    Answer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SpeakerQueueChairs",
                columns: table => new
                {
                    QueueId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UserTeamsId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LastActedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QueueId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Adjustment = table.Column<int>(type: "integer", nullable: false),
                    AdjustedSequence = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TimeUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TimeUpWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CalledByStableId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StakeholderGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Subregion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Gender = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    NextNoticeSent = table.Column<bool>(type: "boolean", nullable: false),
                    FloorNoticeSent = table.Column<bool>(type: "boolean", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "QuestionVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    VoterId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    VotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_ConsultationInvitees_UserStableId",
                table: "ConsultationInvitees",
                column: "UserStableId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ChatThreadId",
                table: "Consultations",
                column: "ChatThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Key",
                table: "Consultations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_RequestKey",
                table: "Consultations",
                column: "RequestKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_Teams_UpdatedAt",
                table: "Consultations",
                columns: new[] { "Teams", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_ThemeCode_Start",
                table: "Consultations",
                columns: new[] { "ThemeCode", "Start" },
                unique: true,
                filter: "\"Status\" = 'Scheduled'");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_UserAadObjectId",
                table: "Conversations",
                column: "UserAadObjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_UserId",
                table: "Conversations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_Status_QueuedAt",
                table: "EventRegistrations",
                columns: new[] { "EventId", "Status", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_UserStableId_EventId",
                table: "EventRegistrations",
                columns: new[] { "UserStableId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExportFiles_ExpiresAt",
                table: "ExportFiles",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_KeyIssues_ConversationId",
                table: "KeyIssues",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyIssues_EventId",
                table: "KeyIssues",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyIssues_RecordKey",
                table: "KeyIssues",
                column: "RecordKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_DeduplicationKey",
                table: "OutboundMessages",
                column: "DeduplicationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_Status_NextAttemptAt",
                table: "OutboundMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedActivities_ReceivedAt",
                table: "ProcessedActivities",
                column: "ReceivedAt");

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

            migrationBuilder.CreateIndex(
                name: "IX_WrittenSubmissions_AuthorId",
                table: "WrittenSubmissions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenSubmissions_Status",
                table: "WrittenSubmissions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_WrittenSubmissions_SubmitKey",
                table: "WrittenSubmissions",
                column: "SubmitKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsultationInvitees");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "ExportFiles");

            migrationBuilder.DropTable(
                name: "KeyIssues");

            migrationBuilder.DropTable(
                name: "OutboundMessages");

            migrationBuilder.DropTable(
                name: "ProcessedActivities");

            migrationBuilder.DropTable(
                name: "QnaModerators");

            migrationBuilder.DropTable(
                name: "QuestionVotes");

            migrationBuilder.DropTable(
                name: "SpeakerQueueChairs");

            migrationBuilder.DropTable(
                name: "SpeakerRequests");

            migrationBuilder.DropTable(
                name: "StakeholderProfiles");

            migrationBuilder.DropTable(
                name: "WrittenSubmissions");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "RegistrationEvents");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropTable(
                name: "SpeakerQueues");

            migrationBuilder.DropTable(
                name: "QnaSessions");
        }
    }
}
