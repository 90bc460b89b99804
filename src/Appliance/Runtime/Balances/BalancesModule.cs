using System.Text.Json;
using Appliance.Primitives;
using Appliance.Runtime.System;
using Appliance.State;

namespace Appliance.Runtime.Balances;

/// <summary>
/// pallet_balances: free balances, total issuance and the existential deposit. An account left with less
/// than the existential deposit is reaped: its dust is burned (DustLost) and issuance falls by it.
/// </summary>
public static class BalancesModule
{
    public const string Name = "Balances";
    public const byte Index = 5;

    /// <summary>subtensor's ExistentialDeposit: 500 rao.</summary>
    public static readonly Rao ExistentialDeposit = new(500);

    public static readonly StorageValue<Rao> TotalIssuance = new(Name, "TotalIssuance");

    public static Rao Issuance(IStateReader state) => TotalIssuance.GetOrDefault(state, Rao.Zero);

    public static Rao Free(IStateReader state, AccountId who) => SystemModule.GetAccount(state, who).Free;

    public static DispatchError? Transfer(DispatchContext context, AccountId dest, Rao amount, bool keepAlive)
    {
        var state = context.State;
        var signer = context.Signer;
        var from = SystemModule.GetAccount(state, signer);
        if (amount > from.Free)
        {
            return new DispatchError(DispatchErrorCode.InsufficientBalance, $"the transfer of {amount} exceeds the free balance {from.Free}.");
        }
        var remainder = from.Free - amount;
        if (keepAlive && remainder < ExistentialDeposit)
        {
            return new DispatchError(DispatchErrorCode.Expendability, $"transfer_keep_alive would leave {remainder}, below the existential deposit {ExistentialDeposit}.");
        }
        if (dest == context.Signer || amount == Rao.Zero)
        {
            context.Deposit(Name, "Transfer", writer => WriteTransfer(writer, signer, dest, amount));
            return null;
        }
        var to = SystemModule.GetAccount(state, dest);
        if (to.Free == Rao.Zero && amount < ExistentialDeposit)
        {
            return new DispatchError(DispatchErrorCode.ExistentialDeposit, $"{amount} to an empty account is below the existential deposit {ExistentialDeposit}.");
        }
        SystemModule.SetAccount(state, dest, to with { Free = to.Free + amount });
        if (to.Free == Rao.Zero)
        {
            context.Deposit(Name, "Endowed", writer =>
            {
                writer.WriteString("account", dest.Address);
                writer.WriteNumber("free_balance", amount.Value);
            });
        }
        context.Deposit(Name, "Transfer", writer => WriteTransfer(writer, signer, dest, amount));
        SetFreeReaping(context, context.Signer, from, remainder);
        return null;
    }

    /// <summary>Takes <paramref name="amount"/> out of circulation (fees, burns), reaping the account if it falls below the deposit.</summary>
    public static void Burn(DispatchContext context, AccountId who, Rao amount)
    {
        Withdraw(context, who, amount);
        TotalIssuance.Set(context.State, Issuance(context.State) - amount);
    }

    /// <summary>
    /// Moves <paramref name="amount"/> out of the free balance into stake or a lock; issuance is unchanged.
    /// Every caller first checks the balance and refuses with its own code (NotEnoughBalanceToStake, or
    /// CannotPayFee before a block takes the extrinsic), so an overdraft here is a bug, not a refusal.
    /// </summary>
    public static void Withdraw(DispatchContext context, AccountId who, Rao amount)
    {
        var account = SystemModule.GetAccount(context.State, who);
        if (amount > account.Free)
        {
            throw new InvalidOperationException($"{who} cannot withdraw {amount}: its free balance is {account.Free}; the caller must check it first.");
        }
        SetFreeReaping(context, who, account, account.Free - amount);
    }

    /// <summary>Returns <paramref name="amount"/> from stake or a lock to the free balance; issuance is unchanged.</summary>
    public static void Deposit(StateOverlay state, AccountId who, Rao amount)
    {
        var account = SystemModule.GetAccount(state, who);
        SystemModule.SetAccount(state, who, account with { Free = account.Free + amount });
    }

    /// <summary>Creates <paramref name="amount"/> in <paramref name="who"/>'s account (genesis, emission).</summary>
    public static void Mint(StateOverlay state, AccountId who, Rao amount)
    {
        Deposit(state, who, amount);
        TotalIssuance.Set(state, Issuance(state) + amount);
    }

    private static void SetFreeReaping(DispatchContext context, AccountId who, AccountInfo account, Rao free)
    {
        if (free > Rao.Zero && free < ExistentialDeposit)
        {
            TotalIssuance.Set(context.State, Issuance(context.State) - free);
            var dust = free;
            context.Deposit(Name, "DustLost", writer =>
            {
                writer.WriteString("account", who.Address);
                writer.WriteNumber("amount", dust.Value);
            });
            free = Rao.Zero;
        }
        SystemModule.SetAccount(context.State, who, account with { Free = free });
        if (free == Rao.Zero && account.Free > Rao.Zero)
        {
            context.Deposit(SystemModule.Name, "KilledAccount", writer => writer.WriteString("account", who.Address));
        }
    }

    private static void WriteTransfer(Utf8JsonWriter writer, AccountId from, AccountId to, Rao amount)
    {
        writer.WriteString("from", from.Address);
        writer.WriteString("to", to.Address);
        writer.WriteNumber("amount", amount.Value);
    }
}
