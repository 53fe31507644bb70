using CsCheck;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Validation;

public sealed class EmailAddressesTests
{
    [Theory]
    [InlineData("ana@example.com")]
    [InlineData("ana.lima+jobs@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void Plain_addresses_are_well_formed(string email) => Assert.True(EmailAddresses.IsWellFormed(email));

    [Theory]
    [InlineData("ana@example")]
    [InlineData("ana@.example.com")]
    [InlineData("ana@example..com")]
    [InlineData("ana@example.com.")]
    [InlineData("@example.com")]
    [InlineData("ana@@example.com")]
    [InlineData("ana lima@example.com")]
    [InlineData("Ana <ana@example.com>")]
    [InlineData("ana")]
    public void Malformed_addresses_are_refused(string email) => Assert.False(EmailAddresses.IsWellFormed(email));

    /// <summary>
    /// The quick path decides plain addresses without MailAddress: it must never accept what the full check refuses,
    /// so both give the same answer. Texts are built near its edge: atoms and labels with "_", "+", "-" at either end,
    /// empty ones (doubled or outer dots), upper case, and now and then a character it does not take.
    /// </summary>
    [Fact]
    public void The_quick_path_agrees_with_MailAddress()
    {
        var part = Gen.Frequency(
            (12, Gen.Char["aZ09_+-"].Array[1, 5].Select(chars => new string(chars))),
            (1, Gen.Const("")),
            (1, Gen.Char["aZ09_+-.@'\" <>()[]\\,;:é\t"].Array[0, 5].Select(chars => new string(chars))));
        var label = Gen.Frequency(
            (6, Gen.Select(Gen.Char["aZ09"], Gen.Char["aZ09-"].Array[0, 3], Gen.Char["aZ09"], (first, inner, last) => first + new string(inner) + last)),
            (1, part));
        var address = Gen.Select(part.Array[1, 3], label.Array[1, 3], (local, domain) => string.Join('.', local) + "@" + string.Join('.', domain));
        var quick = 0;
        address.Sample(text =>
        {
            var full = EmailAddresses.IsWellFormedByMailAddress(text);
            if (EmailAddresses.IsPlainAddress(text))
            {
                Interlocked.Increment(ref quick);
                Assert.True(full, $"the quick path accepts \"{text}\", MailAddress does not");
            }

            Assert.Equal(full, EmailAddresses.IsWellFormed(text));
        }, iter: 20000);
        Assert.True(quick > 1000, $"only {quick} texts took the quick path");
    }
}
