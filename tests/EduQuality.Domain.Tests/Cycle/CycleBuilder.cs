using EduQuality.Domain.Cycle;

namespace EduQuality.Domain.Tests.Cycle;

/// <summary>Builds cycle instances at a given stage with the evidence the stages before it require.</summary>
internal static class CycleBuilder
{
    public static readonly DateTimeOffset At = new(2025, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static CycleKey Key(string org = "M1", string direction = "R1", int period = 2025) => new(org, direction, period);

    public static CycleEvidence Evidence(CycleStage stage, EvidenceType type, string url = "https://edu.example.ru/doc.pdf") =>
        new(stage, type, "Документ", "1-ОД", new DateOnly(2024, 10, 1), url, 0);

    /// <summary>Every document each stage requires.</summary>
    public static IEnumerable<CycleEvidence> Required(CycleStage stage) => StageRequirement.For(stage).Select(r => Evidence(stage, r.AnyOf));

    /// <summary>An instance moved forward to <paramref name="stage"/>, each stage evidenced before it is left.</summary>
    public static CycleInstance At_(CycleStage stage, CycleKey? key = null)
    {
        var instance = new CycleInstance(key ?? Key());
        for (var next = CycleStage.Goals; next <= stage; next++)
        {
            Complete(instance, instance.Stage);
            var (transition, refusal) = instance.Transition(next, At, "test");
            Assert.Null(refusal);
            Assert.NotNull(transition);
        }

        return instance;
    }

    public static void Complete(CycleInstance instance, CycleStage stage)
    {
        foreach (var evidence in Required(stage))
        {
            Assert.Null(instance.AddEvidence(evidence).Refusal);
        }
    }
}
