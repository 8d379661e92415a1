namespace EduQuality.Domain.Assessment;

/// <summary>Which score a slice's mean, histogram and percentiles are computed on.</summary>
public enum ScoreScale
{
    /// <summary>Первичный балл.</summary>
    Primary,

    /// <summary>Тестовый (100-балльный) балл ЕГЭ.</summary>
    Test,
}

/// <summary>Chooses the score scale of a procedure and subject.</summary>
public static class ScoreScales
{
    public static ScoreScale For(ProcedureKind procedure, string subject) =>
        ProcedureRules.RequiresTestScore(procedure, subject) ? ScoreScale.Test : ScoreScale.Primary;

    public static string Name(ScoreScale scale) => scale == ScoreScale.Test ? "test" : "primary";
}
