namespace EduQuality.Server.Tests.Storage;

/// <summary>Keeps <see cref="ContractTestState"/> in the "Default" ADO.NET storage under the state name "contract".</summary>
public sealed class ContractTestGrain(
    [PersistentState(ContractTestGrain.StateName, ContractTestGrain.StorageName)] IPersistentState<ContractTestState> state)
    : Grain, IContractTestGrain, IRemindable
{
    public const string StateName = "contract";
    public const string StorageName = "Default";

    public async Task SaveAsync(ContractTestState value)
    {
        state.State = value;
        await state.WriteStateAsync();
    }

    public Task<ContractTestState> GetAsync() => Task.FromResult(state.State);

    public Task<bool> RecordExistsAsync() => Task.FromResult(state.RecordExists);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    // Reminders need a period of at least a minute; the tests only look at the table, they never wait for a tick.
    public Task RegisterReminderAsync(string name) => this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task<List<string>> ListRemindersAsync() =>
        (await this.GetReminders()).Select(reminder => reminder.ReminderName).Order(StringComparer.Ordinal).ToList();

    public async Task UnregisterReminderAsync(string name)
    {
        var reminder = await this.GetReminder(name) ?? throw new InvalidOperationException($"No reminder named {name}.");
        await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
