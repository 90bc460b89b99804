using Appliance.Primitives;
using Appliance.State;

namespace Appliance.Runtime.System;

/// <summary>frame_system's account storage: nonce and free balance per account.</summary>
public static class SystemModule
{
    public const string Name = "System";

    public static readonly StorageMap<AccountId, AccountInfo> Account = new(Name, "Account");
    public static readonly StorageValue<ChainNameValue> ChainName = new(Name, "ChainName");

    public static AccountInfo GetAccount(IStateReader state, AccountId who) => Account.GetOrDefault(state, who, AccountInfo.Empty);

    /// <summary>Stores the account, or removes it when it holds neither balance nor nonce.</summary>
    public static void SetAccount(StateOverlay state, AccountId who, AccountInfo info)
    {
        if (info == AccountInfo.Empty)
        {
            Account.Remove(state, who);
        }
        else
        {
            Account.Set(state, who, info);
        }
    }
}
