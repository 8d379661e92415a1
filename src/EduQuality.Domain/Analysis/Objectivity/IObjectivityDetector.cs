namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>Finds one kind of sign of biased results in one school's results of one year.</summary>
public interface IObjectivityDetector
{
    /// <summary>The signs found, in a stable order.</summary>
    IEnumerable<ObjectivitySign> Detect(ObjectivityContext context, string schoolCode, int year);
}
