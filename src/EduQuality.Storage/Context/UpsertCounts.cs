namespace EduQuality.Storage.Context;

/// <summary>What an upsert of context rows did: rows new, rows that replaced different values, rows equal to the stored ones.</summary>
public sealed record UpsertCounts(int Inserted, int Corrected, int Unchanged);
