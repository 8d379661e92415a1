using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;

namespace EduQuality.Server.Tests.Cycle;

/// <summary>Drives cycle instances over gRPC the way an operator would: a transition, then the documents of the stage.</summary>
internal sealed class CycleClient(RunningServer server)
{
    public CycleService.CycleServiceClient Service { get; } = new(server.Channel);

    public static CycleRef Ref(string org, int period, string direction = "R1") => new() { OrganizationCode = org, Direction = direction, Period = period };

    public async Task<CycleInstance> MoveAsync(CycleRef cycle, CycleStage to) =>
        (await Service.TransitionAsync(new TransitionRequest { Cycle = cycle, To = to })).Instance;

    public async Task<CycleInstance> AddAsync(CycleRef cycle, CycleStage stage, EvidenceType type, string title) =>
        await Service.AddEvidenceAsync(new AddEvidenceRequest
        {
            Cycle = cycle,
            Evidence = new Evidence
            {
                Stage = stage, Type = type, Title = title, Number = "01-05/" + (int)type, Date = "2024-10-01",
                Url = $"https://{cycle.OrganizationCode.ToLowerInvariant()}.edu.example.ru/docs/{cycle.Period}/{(int)stage}-{(int)type}.pdf",
            },
        });

    /// <summary>Enters <paramref name="stage"/> and records the documents it requires.</summary>
    public async Task<CycleInstance> StageAsync(CycleRef cycle, CycleStage stage)
    {
        await MoveAsync(cycle, stage);
        CycleInstance instance = null!;
        foreach (var (type, title) in Required(stage))
        {
            instance = await AddAsync(cycle, stage, type, title);
        }

        return instance;
    }

    private static (EvidenceType, string)[] Required(CycleStage stage) => stage switch
    {
        CycleStage.Goals => [(EvidenceType.ConceptDocument, "Положение о системе оценки качества образования")],
        CycleStage.Indicators => [(EvidenceType.IndicatorList, "Перечень показателей мониторинга"), (EvidenceType.ProcedureSchedule, "План-график оценочных процедур")],
        CycleStage.Monitoring => [(EvidenceType.MonitoringOrder, "Приказ о проведении мониторинга")],
        CycleStage.Analysis => [(EvidenceType.AnalyticalReport, "Аналитическая справка"), (EvidenceType.AddressRecommendations, "Адресные рекомендации")],
        CycleStage.Measures => [(EvidenceType.ManagementDecision, "Приказ по результатам анализа")],
        _ => [(EvidenceType.EffectivenessReport, "Отчёт об эффективности принятых мер")],
    };
}
