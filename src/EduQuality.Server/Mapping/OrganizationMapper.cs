using EduQuality.Domain.Hierarchy;
using Contract = EduQuality.Api.V1;

namespace EduQuality.Server.Mapping;

/// <summary>Maps organisations between the contract and the domain.</summary>
public static class OrganizationMapper
{
    public static Organization ToDomain(Contract.Organization o) =>
        new(o.Code.Trim(), (OrganizationLevel)o.Level, o.Name.Trim(), o.ParentCode.Trim(), (int)o.Kind, (int)o.Settlement, o.Students);

    public static Contract.Organization ToContract(Organization o) => new()
    {
        Code = o.Code,
        Level = (Contract.OrganizationLevel)o.Level,
        Name = o.Name,
        ParentCode = o.ParentCode,
        Kind = (Contract.SchoolKind)o.Kind,
        Settlement = (Contract.Settlement)o.Settlement,
        Students = o.Students,
    };
}
