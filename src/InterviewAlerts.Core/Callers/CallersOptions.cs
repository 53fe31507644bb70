using System.Text.RegularExpressions;

namespace InterviewAlerts.Core.Callers;

/// <summary>The named callers ("Callers" section) and how authentication behaves ("CallerAuthentication" section).</summary>
public sealed partial class CallersOptions
{
    public const string Section = "Callers";
    public const string AuthenticationSection = "CallerAuthentication";

    /// <summary>Caller name → its settings; names compare case-insensitively, as configuration keys and Key Vault names do.</summary>
    public Dictionary<string, CallerOptions> Callers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Local development only: JSON without credentials is accepted as <see cref="Caller.Anonymous"/>. Refused in Azure.</summary>
    public bool AllowAnonymousJson { get; set; }

    /// <summary>Failed authentications per caller name within <see cref="FailureWindow"/> before the name is answered 429.</summary>
    public int FailureLimit { get; set; } = 10;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Letters and digits only: the name is part of an environment variable name and of a Key Vault secret name.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,62}$", RegexOptions.CultureInvariant)]
    public static partial Regex NamePattern();

    public static string SecretName(string caller) => $"{Section}:{caller}:Secret";

    public static string PreviousSecretName(string caller) => $"{Section}:{caller}:PreviousSecret";
}
