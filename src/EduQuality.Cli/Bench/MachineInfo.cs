using System.Globalization;
using System.Runtime.InteropServices;

namespace EduQuality.Cli.Bench;

/// <summary>What the benchmark ran on, and how busy the machine was.</summary>
internal sealed record MachineInfo(int Cores, long MemoryBytes, string Cpu, string Os, string Kernel, string Runtime, bool ServerGc)
{
    public static MachineInfo Describe() => new(
        Environment.ProcessorCount,
        MemTotalBytes() ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        CpuModel(),
        RuntimeInformation.OSDescription,
        File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : Environment.OSVersion.VersionString,
        RuntimeInformation.FrameworkDescription,
        System.Runtime.GCSettings.IsServerGC);

    /// <summary>The three load averages of /proc/loadavg (1, 5, 15 minutes), or "n/a".</summary>
    public static string LoadAverage()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return "n/a";
        }

        var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts.Take(3));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores ({Cpu}), {MemoryBytes / (double)(1L << 30):N1} GiB, {Os}, kernel {Kernel}, {Runtime}, {(ServerGc ? "server" : "workstation")} GC");

    private static long? MemTotalBytes()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
    }

    private static string CpuModel()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
