using Appliance.ApiClient;
using Appliance.Configuration;
using Appliance.Hosting;
using Appliance.Primitives;
using Appliance.Wallets;

namespace Appliance.Web.Wallets;

/// <summary>
/// The UI's wallet actions over the node's wallets folder (the one <c>up</c> makes its wallets in). Keys are
/// opened and calls signed on the server; extrinsics go through the node's own API with the CLI's
/// <see cref="Submission"/>, so they meet the same admission checks as any wallet's. A refusal is a result,
/// never an exception, and comes before anything is sent.
/// </summary>
public sealed class WalletActions(NodeOptions node, SelfNode self)
{
    public WalletStore Store { get; } = new(node.WalletsDir);

    public async Task<(NewWallet? Wallet, ActionResult Result)> CreateAsync(CreateWalletForm form)
    {
        try
        {
            // Argon2id takes a moment: off the circuit's thread, with the inputs taken on it.
            var created = await Task.Run(form.Take(Store));
            return (created, ActionResult.Done($"Created wallet '{created.Info.Name}': coldkey {created.Info.ColdkeyAddress}."));
        }
        catch (WalletException e)
        {
            return (null, ActionResult.Refused(e.Message));
        }
    }

    /// <summary>Reads the form's inputs into its call, opens the coldkey with the password, signs, submits and waits for the block.</summary>
    public async Task<ActionResult> SubmitAsync(SignedForm form, CancellationToken cancellation)
    {
        var (wallet, password) = (form.Wallet, form.TakePassword());
        try
        {
            var call = form.Call(Store);
            using var key = await Task.Run(() => Store.OpenColdkey(wallet, password), cancellation);
            var client = self.Client;
            return ActionResult.Included(await Submission.SubmitAsync(client, key, call, Rao.Zero, wait: true, cancellation));
        }
        catch (Exception e) when (e is WalletException or ClientError or FormatException)
        {
            return ActionResult.Refused(e.Message);
        }
    }
}
