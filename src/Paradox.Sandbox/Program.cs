Paradox.Sandbox.SandboxApp.Create(args).Run();
