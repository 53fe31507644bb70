using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// A real Azurite (from the repository's node_modules) on free loopback ports, in memory unless a folder is
/// given. It can be killed (an abrupt storage outage) or stopped gracefully (SIGINT, stores flushed) and started
/// again on the same ports. Shared by the tests and the load harness (linked into tools/InterviewAlerts.LoadTest).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's documented, public development account key: not a secret.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string? _location;
    private Process? _process;
    private int _closedServices;

    public AzuriteProcess(string? location = null)
    {
        _location = location;
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }
    public int? ProcessId => _process?.Id;

    public string ConnectionString => ConnectionStringVia(BlobPort, QueuePort, TablePort);

    /// <summary>The same account reached through other loopback ports (a relay in front of Azurite).</summary>
    public static string ConnectionStringVia(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevAccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartNewAsync(string? location = null)
    {
        var azurite = new AzuriteProcess(location);
        await azurite.StartAsync();
        return azurite;
    }

    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script)) throw new InvalidOperationException("Azurite is not installed: run `npm ci` at the repository root.");

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            script, "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(QueuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(TablePort),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (_location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_location);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        Interlocked.Exchange(ref _closedServices, 0);
        _process.OutputDataReceived += (_, e) =>
        {
            // "Azurite Blob/Queue/Table service successfully closed": that service's store is flushed.
            if (e.Data?.Contains("successfully closed", StringComparison.Ordinal) == true) Interlocked.Increment(ref _closedServices);
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await IsListeningAsync(port))
            {
                if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}.");
                if (DateTime.UtcNow > deadline) throw new TimeoutException("Azurite did not start listening within 30 s.");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>
    /// SIGINT: Azurite closes its three services and their stores and says so ("... successfully closed"). The node
    /// process may linger after that (a timer keeps it alive), so once all three said so, or after
    /// <paramref name="timeout"/>, it is killed.
    /// </summary>
    /// <returns>True when all three services reported a clean close (or the process exited) within the timeout.</returns>
    public async Task<bool> StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process is null) return true;
        var graceful = true;
        if (!_process.HasExited)
        {
            using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", Port(_process.Id) }, UseShellExecute = false })!)
            {
                await signal.WaitForExitAsync();
            }

            var deadline = DateTime.UtcNow + timeout;
            while (!_process.HasExited && Volatile.Read(ref _closedServices) < 3 && DateTime.UtcNow < deadline) await Task.Delay(50);
            graceful = _process.HasExited || Volatile.Read(ref _closedServices) >= 3;
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        _process = null;
        return graceful;
    }

    /// <summary>Kills Azurite at once, as a storage outage would (recent writes of a persisted store may be lost).</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string Port(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
