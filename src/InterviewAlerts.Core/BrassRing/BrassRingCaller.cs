namespace InterviewAlerts.Core.BrassRing;

/// <summary>An authenticated BrassRing export: the username configured in Workbench. Never holds the password.</summary>
public sealed record BrassRingCaller(string Username);
