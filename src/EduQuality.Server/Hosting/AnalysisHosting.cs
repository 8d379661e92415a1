using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Analysis.Region;
using EduQuality.Domain.Catalog;
using EduQuality.Grains.Analysis;
using EduQuality.Server.Analysis;
using EduQuality.Server.Context;
using EduQuality.Server.Hierarchy;
using EduQuality.Server.Services;
using EduQuality.Storage.Analysis;
using EduQuality.Storage.Context;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EduQuality.Server.Hosting;

/// <summary>The wiring of context ingestion and the live analysis.</summary>
public static class AnalysisHosting
{
    /// <summary>Registers the stores and the analysis; the host registers the indicator catalogue they read.</summary>
    public static void AddAnalysis(this IServiceCollection services, ServerSettings settings)
    {
        services.AddSingleton(provider => new RegionAnalysis(provider.GetRequiredService<IndicatorCatalog>()));
        services.AddSingleton<SchoolContextStore>();
        services.AddSingleton<AnalysisInputFingerprint>();
        services.AddSingleton<RegionLocator>();
        services.AddSingleton(provider => new IndicatorEvaluator(provider.GetRequiredService<IndicatorCatalog>()));
        services.AddSingleton<IndicatorDataReader>();
        services.AddSingleton<RegionFindingsReader>();
        services.AddSingleton<IndicatorValueStore>();
        services.AddSingleton<ContextBatches>();
        services.AddSingleton<SchoolContextIngestor>();
        services.AddSingleton<IndicatorValueIngestor>();
        services.AddSingleton<SchoolActivityStore>();
        services.AddSingleton<SchoolActivityIngestor>();
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<AnalysisOptions>(o =>
        {
            o.Debounce = TimeSpan.FromMilliseconds(settings.AnalysisDebounceMilliseconds);
            o.HealInterval = TimeSpan.FromMilliseconds(settings.AnalysisHealMilliseconds);
        });
    }

    public static void MapAnalysis(this WebApplication app)
    {
        app.MapGrpcService<ContextGrpcService>();
        app.MapGrpcService<AnalysisGrpcService>();
    }
}
