using System.Text;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Secrets;
using Moq;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class BrassRingCallerAuthenticatorTests
{
    private readonly Mock<ISecretStore> _secrets = new(MockBehavior.Strict);

    public BrassRingCallerAuthenticatorTests()
    {
        _secrets.Setup(s => s.GetSecretAsync("BrassRing:CallerSecrets:acme-export", It.IsAny<CancellationToken>()))
            .ReturnsAsync("s3cret-Pass");
        _secrets.Setup(s => s.GetSecretAsync("BrassRing:CallerSecrets:nobody", It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);
    }

    private static string Basic(string userAndPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    [Fact]
    public async Task Right_password_authenticates_the_named_caller()
    {
        var caller = await new BrassRingCallerAuthenticator(_secrets.Object).AuthenticateAsync(Basic("acme-export:s3cret-Pass"), CancellationToken.None);

        Assert.Equal(new BrassRingCaller("acme-export"), caller);
        Assert.DoesNotContain("s3cret", caller!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme-export:s3cret-pass")]
    [InlineData("acme-export:s3cret-Pass ")]
    [InlineData("acme-export:")]
    [InlineData("nobody:s3cret-Pass")]
    public async Task Wrong_password_or_unknown_caller_is_rejected(string credentials)
    {
        Assert.Null(await new BrassRingCallerAuthenticator(_secrets.Object).AuthenticateAsync(Basic(credentials), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    [InlineData("Basic bm9jb2xvbg==")] // "nocolon"
    public async Task Missing_or_malformed_headers_are_rejected_without_a_secret_lookup(string? header)
    {
        Assert.Null(await new BrassRingCallerAuthenticator(_secrets.Object).AuthenticateAsync(header, CancellationToken.None));
        _secrets.Verify(s => s.GetSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("acme_export")]
    [InlineData("acme.export")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234X")]
    [InlineData("../x")]
    [InlineData("")]
    public async Task Usernames_outside_the_allowed_pattern_never_reach_the_secret_store(string username)
    {
        Assert.Null(await new BrassRingCallerAuthenticator(_secrets.Object).AuthenticateAsync(Basic(username + ":pw"), CancellationToken.None));
        _secrets.Verify(s => s.GetSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Scheme_is_case_insensitive()
    {
        var header = "basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("acme-export:s3cret-Pass"));
        Assert.NotNull(await new BrassRingCallerAuthenticator(_secrets.Object).AuthenticateAsync(header, CancellationToken.None));
    }
}
