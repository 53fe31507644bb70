namespace Paradox.Sandbox.Contract;

/// <summary>One item of Paradox's validation answer: <c>{"code": 1001, "message": "...", "field": "..."}</c>.</summary>
public sealed record ParadoxFieldError(int Code, string Message, string Field);
