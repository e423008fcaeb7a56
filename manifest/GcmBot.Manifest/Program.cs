using GcmBot.Manifest.Packaging;
using Microsoft.Extensions.Configuration;

// Environment variables use the bot's own keys (MicrosoftAppId, PublicHost__BaseUrl), so the same settings that run
// the bot also package it.
var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await PackageCommand.RunAsync(args, environment, Console.Out, Console.Error, cancellation.Token);
