using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Paradox;

namespace InterviewAlerts.Core.Tests.Delivery;

public sealed class DeadLetterReasonsTests
{
    [Theory]
    [InlineData(ParadoxOutcomeKind.Rejected, 400, DeadLetterReasons.ParadoxDeclined)]
    [InlineData(ParadoxOutcomeKind.Rejected, 422, DeadLetterReasons.ParadoxDeclined)]
    [InlineData(ParadoxOutcomeKind.Rejected, 200, DeadLetterReasons.ParadoxDeclined)]
    [InlineData(ParadoxOutcomeKind.Rejected, 409, DeadLetterReasons.ParadoxConflict)]
    [InlineData(ParadoxOutcomeKind.Rejected, 413, DeadLetterReasons.ParadoxTooLarge)]
    [InlineData(ParadoxOutcomeKind.Rejected, 302, DeadLetterReasons.ParadoxUnexpectedStatus)]
    [InlineData(ParadoxOutcomeKind.ConfigurationError, 403, DeadLetterReasons.AdapterMisconfigured)]
    [InlineData(ParadoxOutcomeKind.ConfigurationError, 404, DeadLetterReasons.AdapterMisconfigured)]
    public void Each_permanent_answer_has_its_code(ParadoxOutcomeKind kind, int status, string expected) =>
        Assert.Equal(expected, DeadLetterReasons.Of(new ParadoxOutcome(kind, status, "detail")));

    [Fact]
    public void Codes_are_distinct_lower_snake_case()
    {
        Assert.Equal(DeadLetterReasons.All.Count, DeadLetterReasons.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(DeadLetterReasons.All, code => Assert.Matches("^[a-z]+(_[a-z]+)*$", code));
    }
}
