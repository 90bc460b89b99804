using System.Net;
using Appliance.Tests.Support;
using Appliance.Up;
using Appliance.Wallets;

namespace Appliance.Tests.Security;

/// <summary>
/// A real <c>appliance up</c> (child process, every line of its stdout and stderr, logging at Debug): wallets made,
/// the admin API used with right and wrong tokens, stopped. Its output holds no password, mnemonic or secret seed,
/// and the admin token only in the one start-up line that hands it to the operator.
/// </summary>
public sealed class SecretsNotLoggedTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Up_WholeRun_NoSecretInItsOutput()
    {
        var config = _dir.Combine("up.json");
        await File.WriteAllTextAsync(config, """
            {
              "Logging": { "LogLevel": { "Default": "Debug" } },
              "Node": { "BlockTimeMs": 250 },
              "Up": {
                "Tempo": 8, "Threads": 1, "Sequences": 2,
                "Miners": [ { "Name": "miner1", "Temperature": 0 } ],
                "Validators": [ { "Name": "validator1", "QueryIntervalSeconds": 1, "TimeoutSeconds": 5 } ]
              }
            }
            """);
        var data = _dir.Combine("data");
        IReadOnlyList<string> output;
        using (var up = await UpProcess.StartAsync(data, config))
        {
            foreach (var token in new[] { "wrong-token", up.AdminToken })
            {
                foreach (var action in new[] { "stop", "start" })
                {
                    using var request = AdminRequests.Request("POST", $"/api/admin/validators/validator1/{action}", token);
                    using var response = await up.Http.SendAsync(request);
                    Assert.Equal(token == up.AdminToken ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, response.StatusCode);
                }
            }
            Assert.Equal(0, await up.InterruptAsync());
            output = up.Output;
        }

        var wallets = Path.Combine(data, "wallets");
        var password = File.ReadAllText(Path.Combine(wallets, ApplianceSecrets.PasswordFileName)).Trim();
        var secrets = new List<(string What, string Value)> { ("wallet password", password) };
        var store = new WalletStore(wallets);
        foreach (var wallet in store.List())
        {
            var coldkeyPath = Path.Combine(store.WalletPath(wallet.Name), "coldkey");
            var coldkey = Keyfile.Decrypt(KeyfileJson.Read<EncryptedKeyfileData>(coldkeyPath), password, coldkeyPath);
            var hotkey = KeyfileJson.Read<KeyfileData>(Path.Combine(store.WalletPath(wallet.Name), "hotkeys", WalletStore.DefaultHotkey));
            foreach (var (key, which) in new[] { (coldkey, "coldkey"), (hotkey, "hotkey") })
            {
                secrets.Add(($"{wallet.Name} {which} mnemonic", key.SecretPhrase!));
                secrets.Add(($"{wallet.Name} {which} secret seed", key.SecretSeed[2..]));
            }
        }
        Assert.Equal(1 + 2 * 2 * 2, secrets.Count);

        Assert.NotEmpty(output);
        foreach (var (what, value) in secrets)
        {
            Assert.False(output.Any(line => line.Contains(value, StringComparison.OrdinalIgnoreCase)), $"the {what} appears in up's output");
        }
        var adminToken = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(data, ApplianceSecrets.FileName))).RootElement.GetProperty("admin_token").GetString()!;
        Assert.Equal([$"admin token {adminToken}  (for /api/admin/* and the UI's admin actions)"], output.Where(line => line.Contains(adminToken)));
    }
}
