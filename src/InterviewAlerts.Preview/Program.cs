using InterviewAlerts.Preview;

return await PreviewCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
