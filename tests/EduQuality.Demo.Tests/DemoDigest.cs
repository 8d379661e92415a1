using System.Security.Cryptography;
using EduQuality.Api.V1;
using Google.Protobuf;

namespace EduQuality.Demo.Tests;

/// <summary>SHA-256 over the serialized protobuf bytes of messages, as a hex string.</summary>
internal static class DemoDigest
{
    public static string Of(IEnumerable<IMessage> messages)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var message in messages)
        {
            sha.AppendData(message.ToByteArray());
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public static string OfOrganizations(DemoRegion demo) => Of(demo.Organizations());

    public static string OfFirstBatches(DemoRegion demo, int count) => Of(demo.Batches().Take(count).Cast<IMessage>());

    public static string OfContexts(DemoRegion demo) =>
        Of(demo.Contexts.Select(c => new Organization { Code = c.SchoolCode, Name = c.ToString() }));
}
