namespace EduQuality.Domain.Catalog;

/// <summary>Collects violations about one entry of one file.</summary>
internal sealed class ViolationCollector(List<CatalogViolation> sink, string file, string entry)
{
    public string File => file;

    public void Add(string field, string? value, string problem) =>
        sink.Add(new CatalogViolation(file, entry, field, value ?? "", problem));

    /// <summary>The same entry reported against another file (an override that changed part of it).</summary>
    public ViolationCollector In(string otherFile) => otherFile == file ? this : new ViolationCollector(sink, otherFile, entry);

    /// <summary>Reports a missing or blank value; true when present.</summary>
    public bool Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, value, "is required");
            return false;
        }

        return true;
    }

    /// <summary>Reports a value that is not one of the terms; true when known.</summary>
    public bool Known<T>(string field, string? value, IReadOnlyDictionary<string, T> terms)
    {
        if (!Required(field, value))
        {
            return false;
        }

        if (!terms.ContainsKey(value!))
        {
            Add(field, value, $"unknown value; {CatalogTerms.Expected(terms)}");
            return false;
        }

        return true;
    }
}
