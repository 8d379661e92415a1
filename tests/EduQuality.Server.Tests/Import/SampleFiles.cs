using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace EduQuality.Server.Tests.Import;

/// <summary>
/// Reads the sample files under samples/ independently of the importer (plain splitting, the sheet's XML), so that
/// the tests compare what the server holds with what the files say.
/// </summary>
public static class SampleFiles
{
    static SampleFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", name);

    /// <summary>The data rows of a CSV sample without quoted separators: header cells and each row's cells.</summary>
    public static (string[] Header, List<string[]> Rows) Csv(string name, int codePage, char separator)
    {
        var lines = File.ReadAllLines(Path(name), Encoding.GetEncoding(codePage)).Where(l => l.Length > 0).ToList();
        return (lines[0].TrimStart('\uFEFF').Split(separator), lines.Skip(1).Select(l => l.Split(separator)).ToList());
    }

    /// <summary>The cells of one column of every data row of an XLSX sample's first sheet (shared strings resolved).</summary>
    public static List<string> XlsxColumn(string name, string columnLetter)
    {
        using var zip = ZipFile.OpenRead(Path(name));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = XDocument.Load(zip.GetEntry("xl/sharedStrings.xml")!.Open()).Descendants(ns + "si").Select(s => s.Value).ToList();
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return sheet.Descendants(ns + "row").Skip(1)
            .Select(row => row.Elements(ns + "c").Single(c => (string)c.Attribute("r")! == columnLetter + (string)row.Attribute("r")!))
            .Select(c => (string?)c.Attribute("t") == "s" ? shared[int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)] : c.Value)
            .ToList();
    }
}
