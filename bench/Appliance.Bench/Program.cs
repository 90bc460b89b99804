using BenchmarkDotNet.Running;

namespace Appliance.Bench;

public static class BenchProgram
{
    /// <summary><c>epoch</c> runs <see cref="EpochVsNumPy"/>; anything else goes to BenchmarkDotNet.</summary>
    public static int Main(string[] args)
    {
        if (args is ["epoch"])
        {
            return EpochVsNumPy.Run();
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
