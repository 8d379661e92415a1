using EduQuality.Domain.Catalog;
using EduQuality.Domain.Cycle;
using EduQuality.Grains.Cycle;
using EduQuality.Server.Cycle;
using EduQuality.Server.Services;
using EduQuality.Storage.Cycle;
using EduQuality.Storage.Organizations;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Orleans.Configuration;

namespace EduQuality.Server.Hosting;

/// <summary>The management cycle's wiring: stores, the criteria checklist (checked at start-up), reminders and the service.</summary>
public static class CycleHosting
{
    public static void AddCycle(IServiceCollection services, IConfiguration configuration, IndicatorCatalog catalog)
    {
        services.AddSingleton(CriteriaChecklist.LoadShipped(catalog.Directions.Select(d => d.Code).ToList()));
        services.Configure<CycleOptions>(configuration.GetSection(CycleOptions.Section));
        services.AddSingleton<CycleStore>();
        services.AddSingleton<RecommendationStore>();
        services.AddSingleton<DecisionStore>();
        services.AddSingleton<CycleCalendarStore>();
        services.AddSingleton<RegionLookup>();
        services.AddSingleton<CycleArguments>();
        services.AddSingleton<CycleFacts>();
        services.AddSingleton<TargetValues>();

        // JSON callers get the status details too: the refusal's ErrorInfo and the BadRequest of invalid input.
        services.Configure<GrpcJsonTranscodingOptions>(o => o.TypeRegistry = TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor));
    }

    /// <summary>Durable reminders in the ADO.NET table of migration 0004; a short check period (tests) lowers Orleans' minimum.</summary>
    public static void ConfigureSilo(ISiloBuilder silo, string connectionString, IConfiguration configuration)
    {
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = connectionString;
        });
        var period = configuration.GetSection(CycleOptions.Section).Get<CycleOptions>()?.OverdueCheckPeriod ?? new CycleOptions().OverdueCheckPeriod;
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = period < o.MinimumReminderPeriod ? period : o.MinimumReminderPeriod);
    }

    public static void MapCycle(WebApplication app) => app.MapGrpcService<CycleGrpcService>();
}
