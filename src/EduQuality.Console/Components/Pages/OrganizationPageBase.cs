using EduQuality.Api.V1;
using EduQuality.WebConsole.Access;
using EduQuality.WebConsole.Data;
using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace EduQuality.WebConsole.Components.Pages;

/// <summary>
/// What every page about one organisation does: reads as the signed-in user, finds the organisation and its path
/// from the user's scope, picks the academic year, and reloads while the organisation's data changes (live, through
/// WatchSummaries). Pages say what they load in <see cref="LoadAsync"/>.
/// </summary>
public abstract class OrganizationPageBase : ComponentBase, IAsyncDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private LiveSummaries? _live;

    protected OrganizationPageBase() => Cancellation = _disposed.Token;

    [Parameter]
    public string Code { get; set; } = "";

    [SupplyParameterFromQuery]
    public int? Year { get; set; }

    /// <summary>The procedure, subject and grade asked for in the address, if any (<see cref="RequestedSlice"/>).</summary>
    [SupplyParameterFromQuery]
    public int? Procedure { get; set; }

    [SupplyParameterFromQuery]
    public string? Subject { get; set; }

    [SupplyParameterFromQuery]
    public int? Grade { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ConsoleBackend Backend { get; set; } = default!;

    protected ConsoleQueries Queries { get; private set; } = default!;

    protected Organization? Organization { get; private set; }

    protected IReadOnlyList<Organization> Path { get; private set; } = [];

    /// <summary>The academic year shown: the one asked for, or the latest with data.</summary>
    protected int ShownYear { get; private set; }

    /// <summary>A message for the reader when the page cannot show the organisation.</summary>
    protected string? Problem { get; private set; }

    /// <summary>Version of the data last shown, and when it arrived (the live indicator).</summary>
    protected long Version { get; private set; }

    protected DateTime? UpdatedAt { get; private set; }

    /// <summary>Cancelled when the reader leaves the page; kept apart from its source, which is disposed then.</summary>
    protected CancellationToken Cancellation { get; }

    protected override async Task OnParametersSetAsync()
    {
        var user = ConsoleUser.From((await AuthenticationState).User) ?? throw new InvalidOperationException("The console requires a signed-in user.");
        Queries = ConsoleQueries.For(Backend, user);
        try
        {
            // Everything is loaded before anything is shown, so the page never mixes two organisations or years.
            var organization = await Queries.OrganizationAsync(Code, Cancellation);
            if (organization is null)
            {
                (Organization, Problem) = (null, $"Организация с кодом «{Code}» не найдена.");
                return;
            }

            var path = await Queries.PathAsync(organization, Cancellation);
            var year = Year ?? await Queries.LatestYearWithDataAsync(Code, Cancellation);
            await LoadAsync(organization, year);
            if (_live is null || _live.Code != Code || _live.Year != year)
            {
                UpdatedAt = null;
            }

            (Organization, Path, ShownYear, Problem) = (organization, path, year, null);
            Follow();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.PermissionDenied)
        {
            (Organization, Problem) = (null, "Эта организация вне вашей зоны доступа.");
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled } && Cancellation.IsCancellationRequested)
        {
            // The reader has left the page while it was loading.
        }
    }

    /// <summary>The slice named in the address for <paramref name="year"/>, or null when the address names none.</summary>
    protected SliceChoice? RequestedSlice(int year) => SliceChoice.Parse(year, Procedure, Subject, Grade);

    /// <summary>Loads what the page shows for the organisation and academic year.</summary>
    protected abstract Task LoadAsync(Organization organization, int year);

    /// <summary>Starts (or moves) the live subscription to the organisation and year shown.</summary>
    private void Follow()
    {
        if (_live is { } live && live.Code == Code && live.Year == ShownYear)
        {
            return;
        }

        _live?.Dispose();
        _live = LiveSummaries.Start(Queries, Code, ShownYear, async update =>
        {
            await InvokeAsync(async () =>
            {
                if (UpdatedAt is null || update.Version != Version)
                {
                    Version = update.Version;
                    UpdatedAt = DateTime.UtcNow;
                    await LoadAsync(Organization!, ShownYear);
                    StateHasChanged();
                }
            });
        }, Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        _live?.Dispose();
        await _disposed.CancelAsync();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
