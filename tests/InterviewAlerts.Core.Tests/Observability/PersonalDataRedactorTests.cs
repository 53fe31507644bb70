using InterviewAlerts.Core.Observability;

namespace InterviewAlerts.Core.Tests.Observability;

/// <summary>Paradox's text is stored without any value the request carried, and without contact data.</summary>
public sealed class PersonalDataRedactorTests
{
    private static readonly byte[] Request =
        """{"ex_id":"C-77","OID":55301,"first_name":"Al","last_name":"Zqolsen","interviewer_emails":"ana@example.com, bo@example.org","action":"interview","interview_duration":30}"""u8.ToArray();

    [Theory]
    [InlineData("Candidate Al Zqolsen (id 55301) is blocked.", "Candidate [redacted] [redacted] (id [redacted]) is blocked.")]
    [InlineData("ZQOLSEN, al: ex_id C-77 unknown", "[redacted], [redacted]: ex_id [redacted] unknown")]
    [InlineData("Interviewer bo@example.org is busy", "Interviewer [redacted] is busy")]
    [InlineData("Alert: Alma cannot attend", "Alert: Alma cannot attend")] // "Al" only as a whole word
    [InlineData("interview_type must be 1-19 (HTTP 422, 30 min)", "interview_type must be 1-19 (HTTP 422, 30 min)")]
    [InlineData("call +1 (555) 010-9999 or mail x.y@corp.example", "call [phone] or mail [email]")]
    public void Masks_every_value_of_the_request_as_a_whole_word_and_contact_data(string paradoxText, string stored) =>
        Assert.Equal(stored, PersonalDataRedactor.Redact(paradoxText, Request));

    [Fact]
    public void A_body_that_is_not_JSON_still_gets_contact_data_masked() =>
        Assert.Equal("[email] refused", PersonalDataRedactor.Redact("ana@example.com refused", "not json"u8));
}
