using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of one Azurite port. <see cref="CutAsync"/> drops every open connection and refuses
/// new ones, which is what the adapter sees of a storage outage; <see cref="Resume"/> listens again on the same port.
/// It exists so Azurite can then be stopped gracefully: with clients keeping keep-alive connections busy, Azurite's
/// own shutdown waits for them and may never finish, and a hard kill can lose its last writes. Given a counter, it also
/// counts the requests it relays (<see cref="StorageRequestCounter"/>).
/// </summary>
internal sealed class OutageProxy(int targetPort, StorageRequestCounter? counter = null, string service = "") : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, (TcpClient Client, TcpClient Upstream)> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;
    private int _ids;

    public int Port { get; } = FreePort.Next();

    public void Resume()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        var listener = _listener;
        var token = _stop.Token;
        _accepting = Task.Run(() => AcceptAsync(listener, token), CancellationToken.None);
    }

    public async Task CutAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        _listener?.Stop();
        if (_accepting is not null) await _accepting;
        foreach (var (id, pair) in _connections)
        {
            Close(pair.Client, reset: true);
            Close(pair.Upstream, reset: true);
            _connections.TryRemove(id, out _);
        }

        _stop.Dispose();
        _stop = null;
    }

    public async ValueTask DisposeAsync() => await CutAsync();

    private async Task AcceptAsync(TcpListener listener, CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client, token), CancellationToken.None);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken token)
    {
        var id = Interlocked.Increment(ref _ids);
        var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, targetPort, token);
            _connections[id] = (client, upstream);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(token);
            var up = counter is null
                ? client.GetStream().CopyToAsync(upstream.GetStream(), either.Token)
                : CopyCountingAsync(client.GetStream(), upstream.GetStream(), counter.For(service), either.Token);
            var down = upstream.GetStream().CopyToAsync(client.GetStream(), either.Token);
            await Task.WhenAny(up, down);
            await either.CancelAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side went away (or the relay was cut): close both below.
        }
        finally
        {
            _connections.TryRemove(id, out _);
            Close(client, reset: token.IsCancellationRequested);
            Close(upstream, reset: token.IsCancellationRequested);
        }
    }

    /// <summary>The client's requests, relayed as they are and counted on the way.</summary>
    private static async Task CopyCountingAsync(Stream from, Stream to, StorageRequestCounter.Scanner scanner, CancellationToken token)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, token)) > 0)
        {
            scanner.Feed(buffer.AsSpan(0, read));
            await to.WriteAsync(buffer.AsMemory(0, read), token);
        }
    }

    private static void Close(TcpClient socket, bool reset)
    {
        try
        {
            if (reset && socket.Connected) socket.Client.LingerState = new LingerOption(true, 0);
            socket.Dispose();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }
}
