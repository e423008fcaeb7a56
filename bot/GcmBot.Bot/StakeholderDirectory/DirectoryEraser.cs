using GcmBot.Bot.Participants;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>
/// "Forget me" for the directory: the person's registration entry and every imported entry with their e-mail. Runs
/// before Registration's eraser (see <see cref="DirectoryCapability"/>), while the registered e-mail can still be read.
/// </summary>
public sealed class DirectoryEraser(DirectoryStore store, IServiceProvider services) : IPersonalDataEraser
{
    public async Task EraseAsync(string userStableId, CancellationToken cancellationToken)
    {
        var emails = new List<string>();
        if (services.GetService<IRegisteredStakeholders>() is { } registrations &&
            await registrations.FindStakeholderAsync(userStableId, cancellationToken) is { Email: { Length: > 0 } email })
        {
            emails.Add(email);
        }

        await store.EraseAsync(userStableId, emails, cancellationToken);
    }
}
