using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests.Requests;

public sealed class InterviewTypesTests
{
    [Theory]
    [InlineData("PHONE_INTERVIEW", 2)]
    [InlineData("Phone Interview", 2)]
    [InlineData("phone-interview", 2)]
    [InlineData("  in_person_conversation ", 11)]
    [InlineData("SequentialSession", 15)]
    [InlineData("break", 19)]
    [InlineData("7", 7)]
    [InlineData("19", 19)]
    public void Names_and_defined_numbers_parse(string text, int expected)
    {
        Assert.True(InterviewTypes.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("PHONE_CALL")]
    [InlineData("0")]
    [InlineData("20")]
    [InlineData("")]
    [InlineData("interview")]
    public void Unknown_names_and_undefined_numbers_do_not_parse(string text)
    {
        Assert.False(InterviewTypes.TryParse(text, out var type));
        Assert.Equal(0, type);
    }

    [Fact]
    public void Every_type_name_round_trips_to_its_number()
    {
        Assert.Equal(19, InterviewTypes.Names.Count);
        Assert.All(InterviewTypes.Names, pair =>
        {
            Assert.True(InterviewTypes.TryParse(pair.Value, out var type));
            Assert.Equal(pair.Key, type);
        });
    }

    [Fact]
    public void Only_5_6_and_15_are_sequential()
    {
        Assert.Equal([5, 6, 15], Enumerable.Range(0, 25).Where(InterviewTypes.IsSequential));
    }
}
