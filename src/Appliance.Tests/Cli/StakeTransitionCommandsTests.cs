using System.Globalization;
using System.Text.RegularExpressions;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// <c>stake swap|move|transfer</c> between two frozen subnets (<see cref="OwnedSubnets"/>): across subnets the
/// stake is sold on one pool and bought on the other, as quoted; within a subnet it changes hands as it is.
/// </summary>
public sealed class StakeTransitionCommandsTests : IDisposable
{
    private const string Bob = "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E";
    private readonly TempDirectory _wallets = new();
    private readonly CliRunner _cli;

    public StakeTransitionCommandsTests()
    {
        _cli = new CliRunner(_wallets.Path);
    }

    public void Dispose() => _wallets.Dispose();

    [Fact]
    public async Task Swap_ToAnotherSubnet_AsQuoted_Move_ToAnotherHotkey_Transfer_ToAnotherColdkey_SameStakeRefused()
    {
        await using var node = await TestNode.StartAsync();
        var owner = new OwnedSubnets(_cli, node, _wallets.Path);
        await owner.CreateAsync(count: 2);
        var (home, miner) = (await owner.HotkeyAsync("default"), await owner.HotkeyAsync("miner"));
        Assert.Equal(0, (await _cli.RunAsync(["stake", "add", "--netuid", "1", "--hotkey", "default", "--amount", "10", .. owner.Signed])).ExitCode);
        var onFirst = await owner.StakeAsync(StakedSubnet.Alice, home, 1);

        var swapped = await _cli.RunAsync(["stake", "swap", "--origin-netuid", "1", "--dest-netuid", "2", "--hotkey", "default", "--amount", "2", "--json", .. owner.Signed]);

        Assert.True(swapped.ExitCode == 0, swapped.Error);
        var received = swapped.Json.GetProperty("received").GetUInt64();
        var quote = Regex.Match(swapped.Error, @"^Quote: 2\.000000000 α of subnet 1 sells for about \d+\.\d{9} τ at \d+\.\d{9} τ/α, which buys about (\d+\.\d{9}) α of subnet 2 at ", RegexOptions.Multiline);
        Assert.True(quote.Success, swapped.Error);
        Assert.Equal(Rao(quote.Groups[1]), received);
        Assert.Equal((2_000_000_000UL, 1, 2), (swapped.Json.GetProperty("alpha").GetUInt64(), swapped.Json.GetProperty("origin_netuid").GetInt32(), swapped.Json.GetProperty("destination_netuid").GetInt32()));
        Assert.Equal((onFirst - 2_000_000_000UL, received), (await owner.StakeAsync(StakedSubnet.Alice, home, 1), await owner.StakeAsync(StakedSubnet.Alice, home, 2)));

        var moved = await _cli.RunAsync(["stake", "move", "--origin-netuid", "2", "--origin-hotkey", "default", "--dest-hotkey", "miner", "--all", .. owner.Signed]);

        Assert.True(moved.ExitCode == 0, moved.Error);
        var amount = StakedSubnet.Tao(received);
        Assert.EndsWith($"moved {amount} α of hotkey {home} in subnet 2 to hotkey {miner} in subnet 2: received {amount} α", moved.Output.Trim());
        Assert.Equal((0UL, received), (await owner.StakeAsync(StakedSubnet.Alice, home, 2), await owner.StakeAsync(StakedSubnet.Alice, miner, 2)));

        var transferred = await _cli.RunAsync(["stake", "transfer", "--origin-netuid", "1", "--hotkey", "default", "--dest", Bob, "--amount", "1", .. owner.Signed]);

        Assert.True(transferred.ExitCode == 0, transferred.Error);
        Assert.EndsWith($"transferred 1.000000000 α of hotkey {home} in subnet 1 to coldkey {Bob}, hotkey {home} in subnet 1: received 1.000000000 α", transferred.Output.Trim());
        Assert.Equal(1_000_000_000UL, await owner.StakeAsync(Bob, home, 1));

        var same = await _cli.RunAsync(["stake", "swap", "--origin-netuid", "1", "--dest-netuid", "1", "--hotkey", "default", "--amount", "1", .. owner.Signed]);

        Assert.Equal(1, same.ExitCode);
        Assert.StartsWith("error: SameNetuid: origin and destination are the same stake in subnet 1.", same.Error);
    }

    private static ulong Rao(Group tao) => (ulong)(decimal.Parse(tao.Value, CultureInfo.InvariantCulture) * 1_000_000_000m);
}
