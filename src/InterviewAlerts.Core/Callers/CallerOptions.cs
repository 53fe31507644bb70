namespace InterviewAlerts.Core.Callers;

/// <summary>
/// One named caller, configured under "Callers:&lt;name&gt;". Its secrets are not here: they are read through the
/// secret store as "Callers:&lt;name&gt;:Secret" and "Callers:&lt;name&gt;:PreviousSecret"
/// (Key Vault: "Callers--&lt;name&gt;--Secret", "Callers--&lt;name&gt;--PreviousSecret").
/// </summary>
public sealed class CallerOptions
{
    public CallerShapes Shapes { get; set; }

    public CallerScheme Scheme { get; set; } = CallerScheme.Secret;

    /// <summary>BrassRing Sender/Credential client ids this caller may send for ("Callers:&lt;name&gt;:ClientIds:0", ...).</summary>
    public List<string> ClientIds { get; } = [];

    public bool Operator { get; set; }
}
