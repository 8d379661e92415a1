using EduQuality.Api.V1;
using EduQuality.Contracts;
using EduQuality.Contracts.Rollup;
using EduQuality.Storage.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>
/// A hand-made region small enough to check by hand: region R1 with municipalities M1 (schools S11, S12) and
/// M2 (school S21), and builders for result rows.
/// </summary>
public static class SmallRegion
{
    public static readonly string[] Schools = ["S11", "S12", "S21"];

    public static async Task RegisterAsync(RunningServer server)
    {
        await server.Organizations.RegisterOrganizationsAsync(new RegisterOrganizationsRequest
        {
            Organizations =
            {
                new Organization { Code = "R1", Level = OrganizationLevel.Region, Name = "Тестовая область" },
                new Organization { Code = "M1", Level = OrganizationLevel.Municipality, Name = "Первый городской округ", ParentCode = "R1" },
                new Organization { Code = "M2", Level = OrganizationLevel.Municipality, Name = "Второй муниципальный район", ParentCode = "R1" },
                new Organization { Code = "S11", Level = OrganizationLevel.School, Name = "МАОУ СОШ № 11", ParentCode = "M1", Kind = SchoolKind.General, Settlement = Settlement.Urban },
                new Organization { Code = "S12", Level = OrganizationLevel.School, Name = "МБОУ СОШ № 12", ParentCode = "M1", Kind = SchoolKind.General, Settlement = Settlement.Urban },
                new Organization { Code = "S21", Level = OrganizationLevel.School, Name = "МКОУ Ивановская СОШ", ParentCode = "M2", Kind = SchoolKind.General, Settlement = Settlement.Rural },
            },
        });
    }

    /// <summary>An ЕГЭ Russian row: test score, primary score = test score / 2 over three tasks.</summary>
    public static ResultRow Ege(string participant, string school, int testScore) => new()
    {
        ParticipantCode = participant,
        SchoolCode = school,
        ClassLabel = "11А",
        Grade = 11,
        Subject = "RU",
        PrimaryScore = testScore / 2,
        MaxPrimaryScore = 50,
        TestScore = testScore,
        TaskPoints = { testScore / 2 / 2, testScore / 2 - (testScore / 2 / 2), 0 },
        TaskMaxPoints = { 25, 24, 1 },
    };

    /// <summary>A ВПР grade 5 mathematics row with a mark and a term mark.</summary>
    public static ResultRow Vpr(string participant, string school, string classLabel, int primary, int mark, int termMark) => new()
    {
        ParticipantCode = participant,
        SchoolCode = school,
        ClassLabel = classLabel,
        Grade = 5,
        Subject = "MA",
        PrimaryScore = primary,
        MaxPrimaryScore = 20,
        Mark = mark,
        TermMark = termMark,
        TaskPoints = { primary / 2, primary - (primary / 2) },
        TaskMaxPoints = { 10, 10 },
    };

    public static ResultBatch Batch(string id, Procedure procedure, int year, params ResultRow[] rows) =>
        new() { BatchId = id, Procedure = procedure, Year = year, Rows = { rows } };

    /// <summary>
    /// A barrier instead of a sleep: makes every municipality, then the region, re-read its children's stored
    /// contributions now, so that the rollups of the year are settled when this returns.
    /// </summary>
    public static async Task SettleAsync(RunningServer server, string regionCode, int year)
    {
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var store = server.Services.GetRequiredService<OrganizationStore>();
        var municipalities = await store.ChildrenAsync(regionCode, Domain.Hierarchy.AcademicYear.FirstDay(year), CancellationToken.None);
        await Task.WhenAll(municipalities.Select(m => grains.GetGrain<IAggregateYearGrain>(GrainKeys.ForYear(year, m.Code)).RefreshAsync()));
        await grains.GetGrain<IAggregateYearGrain>(GrainKeys.ForYear(year, regionCode)).RefreshAsync();
    }
}
