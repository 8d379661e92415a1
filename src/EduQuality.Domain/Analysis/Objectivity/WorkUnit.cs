using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// A group of results judged as one (единица анализа): one work of a school or one class, or small works of one subject
/// pooled over grades, together with the region's results of the same works.
/// </summary>
/// <param name="Scope">What the unit covers.</param>
/// <param name="Year">The academic year.</param>
/// <param name="Parts">The works in it, one per grade, each with the region's summary of that work.</param>
/// <param name="Summary">The school's (or class's) results over all parts.</param>
/// <param name="Region">The region's results over the same works.</param>
public sealed record WorkUnit(WorkScope Scope, int Year, IReadOnlyList<WorkPart> Parts, ResultSummary Summary, ResultSummary Region);

/// <summary>One work of a unit: the grade, the school's (or class's) summary and the region's.</summary>
public sealed record WorkPart(int Grade, ResultSummary Summary, ResultSummary Region);
