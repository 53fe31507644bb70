namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// One configured value translation applied while mapping: the client's element, the Paradox field it filled, and
/// the value before and after. <see cref="From"/> and <see cref="To"/> are null for candidate personal fields, so
/// that answers and reports never show a candidate's data.
/// </summary>
public sealed record ValueTranslation(string Field, string Element, string? From, string? To);
