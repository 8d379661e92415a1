namespace EduQuality.Demo.Results;

/// <summary>A student on a grade's roster in one year.</summary>
/// <param name="Code">Pseudonymous participant code, the same in every year and subject.</param>
/// <param name="ClassLabel">Class such as «5Б».</param>
/// <param name="Ability">The student's own ability relative to the school, standard normal, fixed for life.</param>
/// <param name="ChoiceSeed">Seed of the student's exam choices.</param>
internal readonly record struct RosterStudent(string Code, string ClassLabel, double Ability, ulong ChoiceSeed);
