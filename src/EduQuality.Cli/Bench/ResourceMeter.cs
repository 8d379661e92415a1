using System.Diagnostics;
using System.Globalization;

namespace EduQuality.Cli.Bench;

/// <summary>
/// Where the CPU of a phase went: this process (benchmark client and the in-process server alike), the PostgreSQL
/// server's processes, and everything else on the machine (other work running at the same time), plus I/O wait and
/// this process's garbage collector. Linux /proc only; elsewhere the machine-wide figures are zero.
/// </summary>
internal sealed class ResourceMeter(Func<int?> postmasterPid)
{
    private const double TicksPerSecond = 100.0; // USER_HZ, 100 on every Linux configuration in use

    public ResourceSample Sample()
    {
        var (busy, iowait) = MachineCpu();
        return new ResourceSample(
            Stopwatch.GetTimestamp(),
            Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            PostgresCpuSeconds(),
            busy,
            iowait,
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration());
    }

    private double? PostgresCpuSeconds()
    {
        if (postmasterPid() is not { } postmaster || !File.Exists($"/proc/{postmaster}/stat"))
        {
            return null;
        }

        // The postmaster's own time plus that of the backends it has reaped, plus every live child's time.
        double ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || ReadStat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmaster)
            {
                ticks += stat.UserTicks + stat.SystemTicks + stat.ChildUserTicks + stat.ChildSystemTicks;
            }
            else if (stat.ParentPid == postmaster)
            {
                ticks += stat.UserTicks + stat.SystemTicks;
            }
        }

        return ticks / TicksPerSecond;
    }

    private static (double Busy, double IoWait) MachineCpu()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        // cpu  user nice system idle iowait irq softirq steal guest guest_nice
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3];
        var iowait = fields[4];
        return ((fields.Sum() - idle - iowait) / TicksPerSecond, iowait / TicksPerSecond);
    }

    private static ProcStat? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name in parentheses start at field 3 (state).
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(rest[number - 3], CultureInfo.InvariantCulture);
            return new ProcStat((int)Field(4), Field(14), Field(15), Field(16), Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // the process ended while we looked
        }
    }

    private readonly record struct ProcStat(int ParentPid, long UserTicks, long SystemTicks, long ChildUserTicks, long ChildSystemTicks);
}

/// <summary>Cumulative counters at one instant.</summary>
internal readonly record struct ResourceSample(
    long Timestamp,
    double SelfCpu,
    double? PostgresCpu,
    double MachineBusy,
    double MachineIoWait,
    long Allocated,
    int Gen0,
    int Gen1,
    int Gen2,
    TimeSpan GcPause)
{
    public static ResourceUse operator -(ResourceSample end, ResourceSample start) => new(
        Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds,
        end.SelfCpu - start.SelfCpu,
        end.PostgresCpu - start.PostgresCpu,
        end.MachineBusy - start.MachineBusy,
        end.MachineIoWait - start.MachineIoWait,
        end.Allocated - start.Allocated,
        end.Gen0 - start.Gen0,
        end.Gen1 - start.Gen1,
        end.Gen2 - start.Gen2,
        (end.GcPause - start.GcPause).TotalSeconds);
}

/// <summary>What a phase used: seconds of wall time and of CPU, bytes allocated, collections.</summary>
internal sealed record ResourceUse(
    double Wall,
    double SelfCpu,
    double? PostgresCpu,
    double MachineBusy,
    double MachineIoWait,
    long Allocated,
    int Gen0,
    int Gen1,
    int Gen2,
    double GcPause)
{
    /// <summary>CPU used by processes other than this one and PostgreSQL (other work on the machine).</summary>
    public double? OtherCpu => PostgresCpu is { } pg ? Math.Max(0, MachineBusy - SelfCpu - pg) : null;

    public string Describe(long rows, int cores)
    {
        string PerRow(double seconds) => rows > 0 ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6 / rows:N1} µs/row") : "";
        var pg = PostgresCpu is { } p ? string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {p:N1} s ({PerRow(p)})") : "PostgreSQL n/a";
        var other = OtherCpu is { } o ? string.Create(CultureInfo.InvariantCulture, $", other processes {o:N1} s") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"wall {Wall:N1} s × {cores} cores = {Wall * cores:N1} core-s; CPU: this process {SelfCpu:N1} s ({PerRow(SelfCpu)}), {pg}{other}, " +
            $"machine busy {MachineBusy / Math.Max(0.001, Wall * cores):P0}, iowait {MachineIoWait:N1} s; " +
            $".NET allocated {Allocated / 1048576.0:N0} MiB ({(rows > 0 ? Allocated / (double)rows : 0):N0} B/row), GCs {Gen0}/{Gen1}/{Gen2}, GC pauses {GcPause:N2} s");
    }
}
