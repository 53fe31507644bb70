using System.Text;
using InterviewAlerts.Core.Callers;

namespace InterviewAlerts.Core.Tests.Callers;

/// <summary>The Standard Webhooks test vector published with the specification's reference libraries, and the header rules.</summary>
public sealed class StandardWebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

    private static byte[] Key()
    {
        Assert.True(StandardWebhookSignature.TryDecodeSecret(Secret, out var key));
        return key;
    }

    [Fact]
    public void Signing_the_published_vector_gives_the_published_signature()
    {
        Assert.Equal(Expected, StandardWebhookSignature.Sign(Key(), Id, Timestamp, Body));
    }

    [Theory]
    [InlineData(Expected)]
    [InlineData("v1,bm9wZQ== " + Expected)]
    [InlineData(Expected + " v2,c29tZXRoaW5nIGVsc2U=")]
    [InlineData("v1a,xyz  " + Expected)]
    public void The_published_signature_verifies_among_other_entries(string header)
    {
        Assert.True(StandardWebhookSignature.Matches([Key()], Id, "1614265330", Body, header));
    }

    [Theory]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,not-base64!")]
    [InlineData("")]
    public void Other_signatures_do_not_verify(string header)
    {
        Assert.False(StandardWebhookSignature.Matches([Key()], Id, "1614265330", Body, header));
    }

    [Fact]
    public void A_changed_body_id_or_timestamp_does_not_verify()
    {
        Assert.False(StandardWebhookSignature.Matches([Key()], Id, "1614265330", Encoding.UTF8.GetBytes("""{"test": 2432232315}"""), Expected));
        Assert.False(StandardWebhookSignature.Matches([Key()], Id + "x", "1614265330", Body, Expected));
        Assert.False(StandardWebhookSignature.Matches([Key()], Id, "1614265331", Body, Expected));
    }

    [Fact]
    public void Either_of_two_keys_verifies_during_rotation()
    {
        Assert.True(StandardWebhookSignature.TryDecodeSecret("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("another key")), out var other));

        Assert.True(StandardWebhookSignature.Matches([other, Key()], Id, "1614265330", Body, Expected));
        Assert.False(StandardWebhookSignature.Matches([other], Id, "1614265330", Body, Expected));
    }

    [Theory]
    [InlineData(1614265330, true)]
    [InlineData(1614265330 - 300, true)]
    [InlineData(1614265330 + 300, true)]
    [InlineData(1614265330 - 301, false)]
    [InlineData(1614265330 + 301, false)]
    public void Timestamps_are_fresh_within_five_minutes_either_way(long timestamp, bool fresh)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1614265330);
        Assert.Equal(fresh, StandardWebhookSignature.IsFresh(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), now));
    }

    [Theory]
    [InlineData("1614265330.5")]
    [InlineData("-1614265330")]
    [InlineData("2021-02-25T15:02:10Z")]
    [InlineData("")]
    public void Timestamps_that_are_not_unix_seconds_are_not_fresh(string timestamp)
    {
        Assert.False(StandardWebhookSignature.IsFresh(timestamp, DateTimeOffset.FromUnixTimeSeconds(1614265330)));
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_")]
    [InlineData("whsec_***")]
    [InlineData(null)]
    public void Secrets_must_be_whsec_and_base64(string? secret)
    {
        Assert.False(StandardWebhookSignature.TryDecodeSecret(secret, out _));
    }
}
