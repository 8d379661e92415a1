using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;

namespace EduQuality.WebConsole.Data;

/// <summary>Russian names of what the console shows: procedures, subjects, levels, roles, slices.</summary>
public static class Labels
{
    /// <summary>Numbers and dates the Russian way (comma decimals, space thousands).</summary>
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static string Procedure(Procedure procedure) => procedure switch
    {
        Api.V1.Procedure.Vpr => "ВПР",
        Api.V1.Procedure.Oge => "ОГЭ",
        Api.V1.Procedure.Ege => "ЕГЭ",
        Api.V1.Procedure.Niko => "НИКО",
        Api.V1.Procedure.RegionalDiagnostic => "Региональная диагностика",
        _ => "—",
    };

    public static string Subject(string code) => SubjectCatalog.Find(code)?.NameRu ?? code;

    public static string Grade(int grade) => grade > 0 ? $"{grade} класс" : "все классы";

    public static string Level(OrganizationLevel level) => level switch
    {
        OrganizationLevel.Region => "Регион",
        OrganizationLevel.Municipality => "Муниципалитет",
        OrganizationLevel.School => "Образовательная организация",
        _ => "Организация",
    };

    public static string Role(Domain.Security.Role role) => role switch
    {
        Domain.Security.Role.RegionAdministrator => "администратор региона",
        Domain.Security.Role.RegionAnalyst => "аналитик региона",
        Domain.Security.Role.MunicipalityAnalyst => "аналитик муниципалитета",
        Domain.Security.Role.SchoolOperator => "оператор ОО",
        Domain.Security.Role.IntegrationWriter => "интеграция",
        _ => "только чтение",
    };

    /// <summary>"ВПР · Математика · 5 класс".</summary>
    public static string Slice(SliceChoice slice) => $"{Procedure(slice.Procedure)} · {Subject(slice.Subject)} · {Grade(slice.Grade)}";

    /// <summary>Academic year 2025 as "2024/25".</summary>
    public static string Year(int year) => $"{year - 1}/{year % 100:00}";

    /// <summary>Mark index 0..3 of the contract as «2»..«5».</summary>
    public static string Mark(int index) => $"«{index + 2}»";
}
