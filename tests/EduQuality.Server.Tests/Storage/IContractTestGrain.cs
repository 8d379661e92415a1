namespace EduQuality.Server.Tests.Storage;

/// <summary>A grain whose only job is to drive the ADO.NET storage and reminder providers from tests.</summary>
public interface IContractTestGrain : IGrainWithStringKey
{
    Task SaveAsync(ContractTestState state);

    Task<ContractTestState> GetAsync();

    Task<bool> RecordExistsAsync();

    Task ClearAsync();

    Task DeactivateAsync();

    Task RegisterReminderAsync(string name);

    Task<List<string>> ListRemindersAsync();

    Task UnregisterReminderAsync(string name);
}
