using System.CommandLine;
using EduQuality.Cli.Commands;

var root = new RootCommand("eduq: the EduQuality command line. It speaks only the public gRPC API of a server.")
{
    DemoCommand.Create(),
    QueryCommand.Create(),
    IndicatorsCommand.Create(),
    WatchCommand.Create(),
    BenchCommand.Create(),
    ImportCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
