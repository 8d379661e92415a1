namespace EduQuality.Demo.Layout;

/// <summary>A demo municipality before it becomes an organisation message.</summary>
/// <param name="Code">Code such as "M01".</param>
/// <param name="Name">Russian name.</param>
/// <param name="IsCity">A city district (городской округ) rather than a municipal district (муниципальный район).</param>
/// <param name="Locality">How schools in its town are located in their names, for example "г. Северогорск".</param>
/// <param name="SocialEffect">Contribution of the municipality to its schools' social advantage.</param>
internal sealed record MunicipalityPlan(string Code, string Name, bool IsCity, string Locality, double SocialEffect);
