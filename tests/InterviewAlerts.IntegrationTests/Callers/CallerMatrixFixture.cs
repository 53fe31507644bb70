using System.Text;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Callers;

/// <summary>
/// One adapter with a caller of every kind, each with a current and a previous secret, and one accepted request
/// per sending caller (whose status the matrix reads).
/// </summary>
public sealed class CallerMatrixFixture : IAsyncLifetime
{
    public const string BrassRingPrevious = "previous-brassring-password";
    public const string Signer = "signer";
    public static readonly string SignerSecret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("signer-current-key-for-tests"));
    public static readonly string SignerPrevious = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("signer-previous-key-for-tests"));
    public const string SecretCaller = "secretcaller";
    public const string SecretCallerSecret = "secret-caller-current";
    public const string SecretCallerPrevious = "secret-caller-previous";
    public const string Operator = "ops";
    public const string OperatorSecret = "operator-secret";
    public const string OperatorPrevious = "operator-previous";

    public AdapterHarness Harness { get; private set; } = null!;

    /// <summary>Caller kind → the tracking id of a request that caller sent.</summary>
    public Dictionary<string, string> SentBy { get; } = [];

    public async Task InitializeAsync()
    {
        Harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
        {
            [$"Callers:{AdapterHarness.BrassRingUser}:PreviousSecret"] = BrassRingPrevious,
            [$"Callers:{Signer}:Shapes"] = "Json",
            [$"Callers:{Signer}:Scheme"] = "Signature",
            [$"Callers:{Signer}:Secret"] = SignerSecret,
            [$"Callers:{Signer}:PreviousSecret"] = SignerPrevious,
            [$"Callers:{SecretCaller}:Shapes"] = "Json",
            [$"Callers:{SecretCaller}:Secret"] = SecretCallerSecret,
            [$"Callers:{SecretCaller}:PreviousSecret"] = SecretCallerPrevious,
            [$"Callers:{Operator}:Operator"] = "true",
            [$"Callers:{Operator}:Secret"] = OperatorSecret,
            [$"Callers:{Operator}:PreviousSecret"] = OperatorPrevious,
        });

        foreach (var kind in new[] { CallerMatrix.BrassRingUser, CallerMatrix.Signing, CallerMatrix.Secret })
        {
            using var request = CallerMatrix.Ingest(kind, "api/interview-alerts", CallerMatrix.Right);
            using var response = await Harness.AnonymousClient.SendAsync(request);
            SentBy[kind] = await CallerMatrix.TrackingIdAsync(response);
        }
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
