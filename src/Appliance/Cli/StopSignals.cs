using System.Runtime.InteropServices;

namespace Appliance.Cli;

/// <summary>
/// A token that Ctrl-C (SIGINT) or SIGTERM cancels, as does the command's own token. The miner and the
/// validator are not web hosts, whose lifetime would catch the signal; without this the runtime ends them
/// at once, before the axon lets requests finish or the validator saves its state.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals(CancellationToken cancellation)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop)];
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
