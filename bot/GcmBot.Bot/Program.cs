using GcmBot.Bot.Attendance;
using GcmBot.Bot.ConceptNotes;
using GcmBot.Bot.Coordination;
using GcmBot.Bot.DraftSummary;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Health;
using GcmBot.Bot.Help;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Panels;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Questions;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Reports;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.SideEvents;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.StakeholderDirectory;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Submissions;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Telemetry;

if (args is ["--probe", var probeUrl])
{
    // The container's health check (Dockerfile): no host, just one request to a running instance.
    Environment.Exit(await HealthProbe.RunAsync(probeUrl));
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddGcmStorage();
builder.Services.AddCoordination();
builder.Services.AddGcmTelemetry(builder.Configuration);
builder.Services.AddTeamsBot();
builder.Services.AddLanguages();
builder.Services.AddExports();
builder.Services.AddHelp();
builder.Services.AddRegistration();
builder.Services.AddScheduling();
builder.Services.AddQuestions();
builder.Services.AddSpeakerQueue();
builder.Services.AddSubmissions();
builder.Services.AddKeyIssues();
builder.Services.AddReports();
builder.Services.AddAttendance();
builder.Services.AddDraftSummary();
builder.Services.AddConceptNotes();
builder.Services.AddStakeholderDirectory();
builder.Services.AddPanels();
builder.Services.AddPublicForms();
builder.Services.AddSideEvents();
builder.Services.AddGcmHealthChecks();

var app = builder.Build();

await app.Services.MigrateGcmStorageAsync(app.Lifetime.ApplicationStopping);

app.MapTeamsBot();
app.MapGcmHealthChecks();
app.MapExports();
app.MapSubmissions();
app.MapDraftSummary();
app.MapConceptNotes();
app.MapPanels();
app.MapPublicForms();
app.MapSideEvents();

await app.RunAsync();

/// <summary>The host's entry point; public so that tests can start it in process.</summary>
public partial class Program;
