namespace InterviewAlerts.Core.Paradox;

/// <summary>The values of <c>action</c>; absent means <see cref="Interview"/>.</summary>
public static class InterviewActions
{
    public const string Interview = "interview";
    public const string Reschedule = "reschedule";
    public const string Cancel = "cancel";

    public static IReadOnlyList<string> All { get; } = [Interview, Reschedule, Cancel];
}
