using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.LocalRunner.Triggers;

/// <summary>An HTTP-triggered function as declared by its attributes.</summary>
public sealed record HttpFunction(string Name, MethodInfo Method, string Route, string[] Methods, AuthorizationLevel AuthLevel);

/// <summary>A queue-triggered function as declared by its attributes.</summary>
public sealed record QueueFunction(string Name, MethodInfo Method, string QueueName, string? Connection);

/// <summary>
/// Reads the function app's own [Function]/[HttpTrigger]/[QueueTrigger] attributes (the same source the
/// build uses for functions.metadata), so the runner serves exactly the functions the Azure host would.
/// </summary>
public static class FunctionCatalog
{
    public static (IReadOnlyList<HttpFunction> Http, IReadOnlyList<QueueFunction> Queues) Discover(Assembly assembly)
    {
        var http = new List<HttpFunction>();
        var queues = new List<QueueFunction>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function) continue;
                foreach (var parameter in method.GetParameters())
                {
                    if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } httpTrigger)
                    {
                        http.Add(new HttpFunction(function.Name, method, httpTrigger.Route ?? function.Name,
                            httpTrigger.Methods ?? ["get", "post"], httpTrigger.AuthLevel));
                    }
                    else if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queueTrigger)
                    {
                        queues.Add(new QueueFunction(function.Name, method, queueTrigger.QueueName, queueTrigger.Connection));
                    }
                }
            }
        }

        return (http, queues);
    }
}
