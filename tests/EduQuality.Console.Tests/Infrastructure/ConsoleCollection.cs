using EduQuality.Server.Tests.Infrastructure;
using Xunit;

namespace EduQuality.WebConsole.Tests.Infrastructure;

/// <summary>Console tests share one throwaway PostgreSQL and one Chromium; each test has its own database and server.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<PostgresFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "console";
}
