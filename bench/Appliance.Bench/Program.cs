using BenchmarkDotNet.Running;

namespace Appliance.Bench;

public static class BenchProgram
{
    /// <summary>
    /// <c>epoch</c> runs <see cref="EpochVsNumPy"/>, <c>generation</c> <see cref="GenerationVsNodeLlamaCpp"/>;
    /// anything else goes to BenchmarkDotNet.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["epoch", .. var epochOptions])
        {
            return EpochVsNumPy.Run(epochOptions);
        }
        if (args is ["generation", .. var options])
        {
            return GenerationVsNodeLlamaCpp.Run(options);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
