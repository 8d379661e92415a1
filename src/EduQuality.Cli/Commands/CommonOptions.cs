using System.CommandLine;

namespace EduQuality.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string> Server() => new("--server")
    {
        Description = "gRPC address of the server (h2c)",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    public static Option<string?> Key() => new("--key")
    {
        Description = "integration key sent as x-api-key (default: environment variable EDUQ_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("EDUQ_KEY"),
    };

    public static Option<int> Seed() => new("--seed")
    {
        Description = "seed of the demo region generator",
        DefaultValueFactory = _ => 20251,
    };

    public static Option<double> Scale() => new("--scale")
    {
        Description = "multiplier of the demo region's class sizes (1.0 = realistic)",
        DefaultValueFactory = _ => 1.0,
    };

    public static Option<int> Parallelism() => new("--parallelism")
    {
        Description = "concurrent upload streams",
        DefaultValueFactory = _ => 4,
    };
}
