namespace Appliance.Bench;

public static class BenchProgram
{
    /// <summary>
    /// <c>epoch</c> runs <see cref="EpochVsNumPy"/>, <c>metagraph</c> <see cref="MetagraphReads"/>, <c>verify</c>
    /// <see cref="VerifyReplay"/>, <c>transfers</c> <see cref="TransfersBench"/>, <c>generation</c>
    /// <see cref="GenerationVsNodeLlamaCpp"/>, <c>soak</c> <see cref="Soak.SoakRun"/>.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["epoch", .. var epochOptions])
        {
            return EpochVsNumPy.Run(epochOptions);
        }
        if (args is ["metagraph", .. var metagraph])
        {
            return MetagraphReads.Run(metagraph);
        }
        if (args is ["verify", .. var verify])
        {
            return VerifyReplay.Run(verify);
        }
        if (args is ["transfers", .. var transfers])
        {
            return TransfersBench.Run(transfers);
        }
        if (args is ["generation", .. var options])
        {
            return GenerationVsNodeLlamaCpp.Run(options);
        }
        if (args is ["soak", .. var soak])
        {
            return Soak.SoakRun.Run(soak);
        }
        Console.Error.WriteLine("usage: Appliance.Bench transfers|epoch|metagraph|verify|generation|soak [options] [--json]");
        return 2;
    }
}
