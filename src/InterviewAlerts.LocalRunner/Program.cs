InterviewAlerts.LocalRunner.LocalRunnerApp.Create(args).Run();
