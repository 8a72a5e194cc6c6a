using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Regions;
using Microsoft.Extensions.Options;

namespace CareCoordination.Sdk;

/// <summary>Validates <see cref="CareCoordinationOptions"/> with the same rules <see cref="RegionPolicy.Create"/> and <see cref="CoordinationPolicy.Create"/> apply, so start-up fails with all violations at once.</summary>
internal sealed class CareCoordinationOptionsValidator : IValidateOptions<CareCoordinationOptions>
{
    public ValidateOptionsResult Validate(string? name, CareCoordinationOptions options)
    {
        var violations = RegionPolicy.Validate(options.Policy).Concat(CoordinationPolicy.Validate(options.Coordination)).ToList();
        return violations.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(violations);
    }
}
