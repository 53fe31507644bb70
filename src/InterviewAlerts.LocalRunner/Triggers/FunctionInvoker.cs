using System.Reflection;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;

namespace InterviewAlerts.LocalRunner.Triggers;

/// <summary>Calls a function method with the arguments the Functions host would bind for the types we use.</summary>
internal static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(IServiceProvider services, MethodInfo method, HttpContext? http, QueueMessage? message, CancellationToken cancellationToken)
    {
        var instance = ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => Bind(p, http, message, cancellationToken)).ToArray();
        var result = method.Invoke(instance, arguments);
        if (result is not Task task) return result;
        await task.ConfigureAwait(false);
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    private static object? Bind(ParameterInfo parameter, HttpContext? http, QueueMessage? message, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpRequest)) return http?.Request;
        if (type == typeof(CancellationToken)) return cancellationToken;
        if (type == typeof(QueueMessage)) return message;
        if (type == typeof(string) && message is not null) return message.Body.ToString();
        if (type == typeof(string) && http?.Request.RouteValues.TryGetValue(parameter.Name!, out var value) == true) return value?.ToString();
        throw new NotSupportedException($"The local runner cannot bind parameter {parameter.Name} of type {type.Name} in {parameter.Member.Name}.");
    }
}
