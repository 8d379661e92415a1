using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;
using EduQuality.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

/// <summary>
/// The management-cycle board over the small region. M1's cycle of direction R1 for 2024/25 went through «определение
/// целей» with its concept document and now stands at «определение показателей». Nothing else is recorded, so of the
/// municipal R1 criteria only R1.01 (met by the concept document) is met and none is negative: maturity score 1. The
/// annual calendar's due dates of 2024/25 (indicators 31.10.2024, monitoring 31.05.2025, analysis 30.06.2025, measures
/// 31.07.2025, effectiveness 31.08.2025) have all passed and none of those stages is complete: five overdue stages;
/// «определение целей» (30.09.2024) was completed and is not overdue.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CycleBoardTests(PostgresFixture postgres, BrowserFixture browser)
{
    private const string ConceptUrl = "https://m1.edu.example.ru/docs/2025/polozhenie.pdf";
    private const string IndicatorsStage = "определение показателей и методов сбора информации";

    [Fact]
    public async Task The_board_shows_the_current_stage_evidence_criteria_and_the_overdue_stage()
    {
        await using var site = await StartedCycleAsync(nameof(The_board_shows_the_current_stage_evidence_criteria_and_the_overdue_stage));
        var page = await site.SignedInAsync("analyst.m1");

        await page.GotoAsync("/org/M1?year=2025");
        await ConsoleSite.InteractiveAsync(page);
        await page.ClickAsync("a:has-text('Управленческий цикл')");
        await page.WaitForURLAsync(url => url.Contains("/org/M1/cycle", StringComparison.Ordinal));
        await ConsoleSite.InteractiveAsync(page);

        await Assertions.Expect(page.Locator(".current-stage")).ToHaveTextAsync(IndicatorsStage);
        await Assertions.Expect(page.Locator(".maturity-score")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".stages li.current")).ToContainTextAsync(IndicatorsStage);
        await Assertions.Expect(page.Locator(".stages li.complete")).ToContainTextAsync("определение целей");
        await Assertions.Expect(page.Locator(".stages li.overdue")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".stages li.complete.overdue")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".stages li.current .overdue")).ToHaveTextAsync("просрочена: срок 31.10.2024");

        var evidence = page.Locator("table[data-table=cycle-evidence] tbody tr");
        await Assertions.Expect(evidence).ToHaveCountAsync(1);
        await Assertions.Expect(evidence.Locator("td").Nth(2)).ToHaveTextAsync("Положение о системе оценки качества образования");
        await Assertions.Expect(evidence.Locator("td").Nth(4)).ToHaveTextAsync("15.09.2024");
        await Assertions.Expect(evidence.Locator("a:has-text('Открыть документ')")).ToHaveAttributeAsync("href", ConceptUrl);

        var r101 = page.Locator("table[data-table=cycle-criteria] tbody tr", new() { HasText = "R1.01" });
        await Assertions.Expect(r101.Locator("td").Nth(4)).ToHaveTextAsync("да");
        await Assertions.Expect(r101.Locator("td").Nth(5)).ToHaveTextAsync("документ");
        var r102 = page.Locator("table[data-table=cycle-criteria] tbody tr", new() { HasText = "R1.02" });
        await Assertions.Expect(r102.Locator("td").Nth(4)).ToHaveTextAsync("нет");
    }

    [Fact]
    public async Task The_region_sees_the_rollup_of_its_municipalities_with_the_overdue_one()
    {
        await using var site = await StartedCycleAsync(nameof(The_region_sees_the_rollup_of_its_municipalities_with_the_overdue_one));
        var page = await site.SignedInAsync("region.analyst");

        await page.GotoAsync("/org/R1/cycle?year=2025&direction=R1");
        await ConsoleSite.InteractiveAsync(page);

        var children = page.Locator("table[data-table=cycle-children] tbody tr");
        await Assertions.Expect(children).ToHaveCountAsync(2);
        await Assertions.Expect(children.Nth(0).Locator("td")).ToHaveTextAsync(
        [
            "M1", IndicatorsStage, "1", "нет",
            $"{IndicatorsStage} (срок 31.10.2024); мониторинг (срок 31.05.2025); анализ и адресные рекомендации (срок 30.06.2025); " +
            "меры и управленческие решения (срок 31.07.2025); анализ эффективности принятых мер (срок 31.08.2025)",
        ]);
        await Assertions.Expect(children.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync("M2");
        await Assertions.Expect(children.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync("не начат");
        await Assertions.Expect(page.Locator(".rollup-complete")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator(".cycle-actions")).ToHaveCountAsync(0); // a region analyst may not change cycles
    }

    [Fact]
    public async Task A_municipality_analyst_moves_the_stage_and_records_a_document_with_messages_in_russian()
    {
        await using var site = await ConsoleSite.StartAsync(postgres, browser, nameof(A_municipality_analyst_moves_the_stage_and_records_a_document_with_messages_in_russian));
        var page = await site.OpenAsync("analyst.m1", "/org/M1/cycle?year=2025");
        await Assertions.Expect(page.Locator(".current-stage")).ToHaveTextAsync("не начат");

        await page.ClickAsync("button:has-text('Перейти')");
        await Assertions.Expect(page.Locator(".current-stage")).ToHaveTextAsync("определение целей");
        await Assertions.Expect(page.Locator(".cycle-actions .done")).ToHaveTextAsync("Цикл переведён на стадию «определение целей».");

        // Checked in the console: no title, an impossible date, a link that is not a web address.
        await page.FillAsync("#evidence-date", "31.02.2024");
        await page.FillAsync("#evidence-url", "ftp://m1/doc");
        await page.ClickAsync("button:has-text('Добавить документ')");
        await Assertions.Expect(page.Locator(".cycle-actions .problems li")).ToHaveTextAsync(
        [
            "Укажите название документа.",
            "Дата «31.02.2024» не распознана: укажите её в виде ДД.ММ.ГГГГ, например 15.09.2024.",
            "Ссылка «ftp://m1/doc» должна быть адресом http:// или https://.",
        ]);

        // Refused by the server: the goals stage has no concept document yet.
        await page.SelectOptionAsync("#next-stage", "Indicators");
        await page.ClickAsync("button:has-text('Перейти')");
        await Assertions.Expect(page.Locator(".cycle-actions .problems")).ToContainTextAsync("Стадия «определение целей» не завершена: нет документов:");
        await Assertions.Expect(page.Locator(".cycle-actions .problems li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".current-stage")).ToHaveTextAsync("определение целей");

        await page.FillAsync("#evidence-title", "Положение о системе оценки качества образования");
        await page.FillAsync("#evidence-number", "01-05/1");
        await page.FillAsync("#evidence-date", "15.09.2024");
        await page.FillAsync("#evidence-url", ConceptUrl);
        await page.ClickAsync("button:has-text('Добавить документ')");
        await Assertions.Expect(page.Locator(".cycle-actions .done")).ToHaveTextAsync("Документ «Положение о системе оценки качества образования» добавлен.");
        var evidence = page.Locator("table[data-table=cycle-evidence] tbody tr");
        await Assertions.Expect(evidence.Locator("td")).ToHaveTextAsync(
            ["определение целей", "положение (концепция, модель) по направлению", "Положение о системе оценки качества образования", "01-05/1", "15.09.2024", "—", ConceptUrl, "Открыть документ"]);
        await Assertions.Expect(page.Locator(".maturity-score")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task The_analytical_report_has_the_cycle_stage_overdue_date_and_maturity()
    {
        await using var site = await StartedCycleAsync(nameof(The_analytical_report_has_the_cycle_stage_overdue_date_and_maturity));
        var page = await site.OpenAsync("analyst.m1", "/org/M1?year=2025");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Аналитическая справка (PDF)')"));
        var text = RussianText.Plain(PdfText.Read(await File.ReadAllBytesAsync(await download.PathAsync())).Text);

        Assert.Contains("Стадии управленческого цикла: Первый городской округ, направление R1, 2024/25 уч. г.", text, StringComparison.Ordinal);
        Assert.Contains("определение целей завершена 1 —", text, StringComparison.Ordinal);
        Assert.Contains("определение показателей и методов сбора информации текущая 0 31.10.2024", text, StringComparison.Ordinal);
        Assert.Contains("балл 1 (выполнено 1 из", text, StringComparison.Ordinal);
        Assert.Contains("Признаки необъективности результатов: Первый городской округ", text, StringComparison.Ordinal);
    }

    /// <summary>M1's R1 cycle for 2025 moved to the indicators stage; waits until the overdue check has flagged its five stages.</summary>
    private async Task<ConsoleSite> StartedCycleAsync(string name)
    {
        var site = await ConsoleSite.StartAsync(postgres, browser, name, new Dictionary<string, string?> { ["EduQuality:Cycle:OverdueCheckPeriod"] = "00:00:02" });
        var cycle = new CycleService.CycleServiceClient(site.Server.Channel);
        var m1 = new CycleRef { OrganizationCode = "M1", Direction = "R1", Period = 2025 };
        await cycle.TransitionAsync(new TransitionRequest { Cycle = m1, To = CycleStage.Goals });
        await cycle.AddEvidenceAsync(new AddEvidenceRequest
        {
            Cycle = m1,
            Evidence = new Evidence
            {
                Stage = CycleStage.Goals, Type = EvidenceType.ConceptDocument, Title = "Положение о системе оценки качества образования",
                Number = "01-05/1", Date = "2024-09-15", Url = ConceptUrl,
            },
        });
        await cycle.TransitionAsync(new TransitionRequest { Cycle = m1, To = CycleStage.Indicators });
        await Eventually.MatchAsync(
            async () => (await cycle.ListOverdueAsync(new OverdueRequest { OrganizationCode = "M1" })).Stages,
            stages => stages.Count(s => s.Cycle.OrganizationCode == "M1") == 5, TimeSpan.FromSeconds(60));
        return site;
    }
}
