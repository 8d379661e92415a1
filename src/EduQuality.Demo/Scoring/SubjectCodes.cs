namespace EduQuality.Demo.Scoring;

/// <summary>Subject codes of the subject catalogue used by the demo.</summary>
internal static class SubjectCodes
{
    public const string Russian = "RU";
    public const string Mathematics = "MA";
    public const string ProfileMathematics = "MAP";
    public const string BaseMathematics = "MAB";
    public const string WorldAround = "OK";
    public const string Physics = "PH";
    public const string Chemistry = "CH";
    public const string Biology = "BI";
    public const string History = "HI";
    public const string SocialStudies = "SO";
    public const string ComputerScience = "IN";
    public const string Geography = "GE";
    public const string English = "EN";
    public const string Literature = "LI";
}
