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
}
