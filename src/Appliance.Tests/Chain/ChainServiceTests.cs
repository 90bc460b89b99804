using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Keys;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.System;
using Appliance.Runtime.TransactionPayment;
using Appliance.Storage;
using Appliance.Tests.Support;
using Dapper;

namespace Appliance.Tests.Chain;

public sealed class ChainServiceTests : IDisposable
{
    private readonly TestChain _chain = new();
    private readonly Appliance.Crypto.Ed25519KeyPair _bob = TestChain.Key("//Bob");
    private readonly Appliance.Crypto.Ed25519KeyPair _charlie = TestChain.Key("//Charlie");

    public void Dispose()
    {
        _bob.Dispose();
        _charlie.Dispose();
        _chain.Dispose();
    }

    [Fact]
    public void Genesis_FundsAlice_IssuanceIsHerBalance()
    {
        Assert.Equal(0UL, _chain.Chain.Head.Number);
        Assert.Equal(new Rao(1_000_000 * Rao.PerTao), _chain.Account(_chain.Alice).Free);
        Assert.Equal(_chain.Account(_chain.Alice).Free, _chain.Issuance());
    }

    [Fact]
    public void EmptyBlocks_AdvanceHeightAndTime_StateRootUnchanged()
    {
        var root = _chain.Chain.Head.Header.StateRoot;

        var first = _chain.Seal();
        var second = _chain.Seal();

        Assert.Equal((1UL, 2UL), (first.Header.Number, second.Header.Number));
        Assert.True(second.Header.Timestamp > first.Header.Timestamp);
        Assert.Equal(first.Hash, second.Header.ParentHash);
        Assert.Equal(root, second.Header.StateRoot);
    }

    [Fact]
    public void Transfer_MovesBalance_ChargesFeeToSender_BumpsNonce_RecordsEvents()
    {
        var amount = new Rao(25 * Rao.PerTao);
        var extrinsic = _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), amount));
        Assert.True(_chain.Pool.Submit(extrinsic.Encoded).Accepted);
        var before = _chain.Account(_chain.Alice).Free;

        var block = _chain.Seal();

        var fee = TransactionPaymentModule.FeeFor(extrinsic.Length);
        var result = Assert.Single(block.Extrinsics);
        Assert.True(result.Success);
        Assert.Equal(fee, result.Fee);
        Assert.Equal(amount, _chain.Account(_bob).Free);
        Assert.Equal(before - amount - fee, _chain.Account(_chain.Alice).Free);
        Assert.Equal(1UL, _chain.Account(_chain.Alice).Nonce);
        Assert.Equal(
            ["TransactionPayment.TransactionFeePaid", "Balances.Endowed", "Balances.Transfer", "System.ExtrinsicSuccess"],
            block.Events.Select(e => $"{e.Module}.{e.Name}"));
        Assert.Equal(new Rao(1_000_000 * Rao.PerTao) - fee, _chain.Issuance());
    }

    [Fact]
    public void Snapshots_ShareReadsWithinTheirHead_NeverAcrossHeads()
    {
        var alice = TestChain.Id(_chain.Alice);
        using var before = _chain.Chain.OpenSnapshot();
        var balanceBefore = SystemModule.GetAccount(before, alice).Free;
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);

        var block = _chain.Seal();

        using var after = _chain.Chain.OpenSnapshot();
        Assert.Equal(block.Header.ParentHash, before.Head);
        Assert.Equal(block.Hash, after.Head);
        Assert.Equal(balanceBefore, SystemModule.GetAccount(before, alice).Free);
        Assert.Equal(_chain.Account(_chain.Alice).Free, SystemModule.GetAccount(after, alice).Free);
        Assert.True(SystemModule.GetAccount(after, alice).Free < balanceBefore);
        Assert.Equal(1UL, SystemModule.GetAccount(after, alice).Nonce);
    }

    /// <summary>
    /// SQLite starts its write-ahead log over only once every frame is back in the database and no reader is
    /// still on one; a snapshot admission keeps for the head is open when the next block commits. The log is
    /// checkpointed every 1,000 rows or so, which 200 blocks of one transfer pass more than once.
    /// </summary>
    [Fact]
    public void Blocks_WithASnapshotOfTheHeadOpenAtEachCommit_LogStartsOverInsteadOfGrowing()
    {
        var log = _chain.Chain.Database.Path + "-wal";
        long SealTransfers(int blocks)
        {
            for (var i = 0; i < blocks; i++)
            {
                Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);
                _chain.Seal();
            }
            return new FileInfo(log).Length;
        }

        var once = SealTransfers(200);
        var twice = SealTransfers(200);

        // A log that never starts over doubles here; one that does stays near its size between checkpoints.
        Assert.InRange(twice, once, once + once / 4);
    }

    [Fact]
    public void FailingCall_RecordsFailure_RevertsOnlyItsOwnWrites_FeeStaysPaid()
    {
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);
        _chain.Seal();
        var bobFree = _chain.Account(_bob).Free;
        Assert.True(_chain.Submit(_bob, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao / 2))).Accepted);
        var overdraft = _chain.Sign(_bob, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao)));
        Assert.True(_chain.Pool.Submit(overdraft.Encoded).Accepted);

        var block = _chain.Seal();

        Assert.Equal([true, false], block.Extrinsics.Select(r => r.Success));
        Assert.Equal(DispatchErrorCode.InsufficientBalance, block.Extrinsics[1].Error!.Code);
        Assert.Contains(block.Events, e => e.Name == "ExtrinsicFailed" && e.ExtrinsicIndex == 1 && e.Fields["error"]!.ToString() == "InsufficientBalance");
        Assert.Equal(new Rao(Rao.PerTao / 2), _chain.Account(_charlie).Free);
        var fees = block.Extrinsics.Aggregate(Rao.Zero, (sum, r) => sum + r.Fee);
        Assert.Equal(bobFree - new Rao(Rao.PerTao / 2) - fees, _chain.Account(_bob).Free);
        Assert.Equal(2UL, _chain.Account(_bob).Nonce);
    }

    [Fact]
    public void Transfer_LeavingDust_ReapsSenderAndBurnsDust_KeepsNonce()
    {
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);
        _chain.Seal();
        var fee = TransactionPaymentModule.FeeFor(_chain.Sign(_bob, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao / 2))).Length);
        var all = _chain.Account(_bob).Free - fee - new Rao(100);
        Assert.True(_chain.Submit(_bob, new TransferAllowDeath(TestChain.Id(_charlie), all)).Accepted);
        var issuance = _chain.Issuance();

        var block = _chain.Seal();

        Assert.Equal(Rao.Zero, _chain.Account(_bob).Free);
        Assert.Equal(1UL, _chain.Account(_bob).Nonce);
        Assert.Contains(block.Events, e => e.Name == "DustLost" && (ulong)e.Fields["amount"]! == 100);
        Assert.Contains(block.Events, e => e.Name == "KilledAccount");
        Assert.Equal(issuance - block.Extrinsics[0].Fee - new Rao(100), _chain.Issuance());
    }

    [Fact]
    public void KeepAlive_WouldReap_RefusedAtAdmissionWithExpendability()
    {
        var free = _chain.Account(_chain.Alice).Free;
        var fee = TransactionPaymentModule.FeeFor(_chain.Sign(_chain.Alice, new TransferKeepAlive(TestChain.Id(_bob), free)).Length);

        var result = _chain.Submit(_chain.Alice, new TransferKeepAlive(TestChain.Id(_bob), free - fee - new Rao(100)));

        Assert.False(result.Accepted);
        Assert.Equal(DispatchErrorCode.Expendability, result.CallError?.Code);
        Assert.Equal("Expendability", result.Error);
    }

    [Fact]
    public void Transfer_BelowExistentialDepositToEmptyAccount_Refused()
    {
        var result = _chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(499)));

        Assert.Equal(DispatchErrorCode.ExistentialDeposit, result.CallError?.Code);
    }

    [Fact]
    public void PoolOrdering_TipThenArrival_NonceOrderPerSigner()
    {
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(10 * Rao.PerTao))).Accepted);
        _chain.Seal();
        var aliceFirst = _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao)), nonce: 1);
        var aliceSecond = _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao)), nonce: 2, tip: new Rao(1000));
        var bobTipped = _chain.Sign(_bob, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao)), tip: new Rao(500));
        Assert.True(_chain.Pool.Submit(aliceSecond.Encoded).Accepted);
        Assert.True(_chain.Pool.Submit(aliceFirst.Encoded).Accepted);
        Assert.True(_chain.Pool.Submit(bobTipped.Encoded).Accepted);

        var block = _chain.Seal();

        Assert.Equal([bobTipped.Hash, aliceFirst.Hash, aliceSecond.Hash], block.Extrinsics.Select(r => r.Extrinsic.Hash));
        Assert.Equal(0, _chain.Pool.Count);
    }

    [Fact]
    public void Restart_ResumesAtHead()
    {
        _chain.Seal();
        _chain.Seal();
        var head = _chain.Chain.Head;

        using var reopened = new ChainService(ChainDatabase.InDataDirectory(_chain.DataDir), _chain.Genesis, _chain.Alice);

        Assert.Equal(head, reopened.Head);
    }

    [Fact]
    public void Restart_WithOtherGenesis_RefusedNamingTheMismatch()
    {
        var other = _chain.Genesis with { Balances = [.. _chain.Genesis.Balances, new GenesisBalance(Ss58.Encode(_bob.PublicKey), Rao.PerTao)] };

        var error = Assert.Throws<GenesisException>(() => new ChainService(ChainDatabase.InDataDirectory(_chain.DataDir), other, _chain.Alice));

        Assert.StartsWith("GenesisMismatch:", error.Message);
    }

    [Fact]
    public void Restart_WithOtherChainName_RefusedAsOtherGenesis()
    {
        var error = Assert.Throws<GenesisException>(() => new ChainService(ChainDatabase.InDataDirectory(_chain.DataDir), _chain.Genesis with { ChainName = "elsewhere" }, _chain.Alice));

        Assert.StartsWith("GenesisMismatch:", error.Message);
    }

    [Fact]
    public void Genesis_AboveTotalSupplyOrDuplicateUnderOtherPrefix_Refused()
    {
        var bob = _bob.PublicKey;
        string Json(string balances) => "{\"chain_name\":\"x\",\"authority\":\"" + _chain.Genesis.Authority + "\",\"timestamp\":0,\"balances\":[" + balances + "]}";
        string Entry(string address, ulong free) => "{\"address\":\"" + address + "\",\"free\":" + free + "}";

        var tooMuch = Assert.Throws<GenesisException>(() => GenesisConfig.Parse(Json(Entry(Ss58.Encode(bob), 21_000_000_000_000_001)), "g.json"));
        var twice = Assert.Throws<GenesisException>(() => GenesisConfig.Parse(Json(Entry(Ss58.Encode(bob), 1000) + "," + Entry(Ss58.Encode(bob, 0), 1000)), "g.json"));
        var nullEntry = Assert.Throws<GenesisException>(() => GenesisConfig.Parse(Json("null"), "g.json"));

        Assert.Contains("21,000,000 TAO", tooMuch.Message);
        Assert.Contains("listed twice", twice.Message);
        Assert.Contains("null", nullEntry.Message);
    }

    [Fact]
    public void Pool_HugeTip_RefusedAsCannotPayFee_NotAnOverflow()
    {
        var result = _chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao)), tip: new Rao(ulong.MaxValue));

        Assert.Equal(ValidityErrorCode.CannotPayFee, result.Invalidity?.Code);
    }

    [Fact]
    public void Pool_FutureNonceNeverFilled_DroppedAfterItsLifetime()
    {
        var future = _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao)), nonce: 5);
        Assert.True(_chain.Pool.Submit(future.Encoded).Accepted);

        for (var i = 0; i < 66; i++)
        {
            _chain.Seal();
        }

        Assert.False(_chain.Pool.Contains(future.Hash));
    }

    [Fact]
    public void Pool_ExtrinsicMadeStaleByAnotherOfItsSigner_DroppedOnceItHasWaitedABlock()
    {
        var pooled = _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao)), nonce: 0);
        var other = _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao)), nonce: 0);
        Assert.True(_chain.Pool.Submit(pooled.Encoded).Accepted);

        // A block that took the signer's other extrinsic with the same nonce, as a block sealed while the
        // pooled one was being admitted would: the pool is not told that this signer was included.
        _chain.Chain.ProduceBlock(1_800_000_000_000, _ => [other]);
        Assert.True(_chain.Pool.Contains(pooled.Hash));
        _chain.Seal();
        _chain.Seal();

        Assert.False(_chain.Pool.Contains(pooled.Hash));
        Assert.Equal(0, _chain.Pool.Count);
    }

    [Fact]
    public void Verify_StateEditedOutsideABlock_Caught()
    {
        var result = VerifiedAfterEditingATransfersBlock("UPDATE state SET value = zeroblob(16) WHERE substr(key, 1, 15) = CAST('System.Account/' AS BLOB)");

        Assert.False(result.Valid);
        Assert.StartsWith("StateMismatch", result.Problem);
    }

    [Fact]
    public void Verify_ExtrinsicRowEdited_Caught()
    {
        var result = VerifiedAfterEditingATransfersBlock("UPDATE extrinsics SET fee = 1");

        Assert.Equal((false, 1UL), (result.Valid, result.Height));
        Assert.StartsWith("ExtrinsicRecordMismatch", result.Problem);
    }

    [Fact]
    public void Verify_AfterTransfers_PassesAndReportsHeight()
    {
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);
        _chain.Seal();
        Assert.True(_chain.Submit(_bob, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao * 2))).Accepted == false);
        _chain.Seal();

        var result = ChainVerifier.Verify(_chain.DataDir);

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(2UL, result.Height);
        Assert.Equal(_chain.Chain.Head.Hash, result.HeadHash);
    }

    [Fact]
    public void Verify_ExtrinsicEventsEdited_Caught()
    {
        var result = VerifiedAfterEditingATransfersBlock("UPDATE extrinsics SET events = '[]'");

        Assert.Equal((false, 1UL), (result.Valid, result.Height));
        Assert.StartsWith("EventsMismatch", result.Problem);
    }

    [Fact]
    public void Verify_ChainWrittenWithSchema2_MigratedFirst_Passes()
    {
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);
        _chain.Seal();
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_charlie), new Rao(Rao.PerTao))).Accepted);
        _chain.Seal();
        using (var connection = _chain.Chain.OpenConnection())
        {
            // Schema 2 kept every event as a row of the events table, with the index of the extrinsic that raised it.
            var events = Enumerable.Range(1, 2).SelectMany(n => BlockStore.Events(connection, n)).ToList();
            Assert.Contains(events, e => e.ExtrinsicIdx is not null);
            connection.Execute("ALTER TABLE events ADD COLUMN extrinsic_idx INTEGER; DELETE FROM events; ALTER TABLE extrinsics DROP COLUMN events;");
            connection.Execute("INSERT INTO events (block_number, idx, extrinsic_idx, module, name, fields) VALUES (@BlockNumber, @Idx, @ExtrinsicIdx, @Module, @Name, @Fields)", events);
            connection.Execute("PRAGMA user_version = 2");
        }

        var result = ChainVerifier.Verify(_chain.DataDir);

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(2UL, result.Height);
        using var migrated = _chain.Chain.OpenConnection();
        Assert.Equal(Migrations.Latest, migrated.ExecuteScalar<int>("PRAGMA user_version"));
    }

    [Fact]
    public void Verify_SchemaNewerThanThisAppliance_RefusedSayingUpgrade()
    {
        using (var connection = _chain.Chain.OpenConnection())
        {
            connection.Execute($"PRAGMA user_version = {Migrations.Latest + 1}");
        }

        var result = ChainVerifier.Verify(_chain.DataDir);

        Assert.True(result.NoChainThere);
        Assert.StartsWith("SchemaTooNew: the database schema is version", result.Problem);
        Assert.Contains("upgrade the appliance", result.Problem);
    }

    [Fact]
    public void Verify_TamperedStateRoot_NamesTheBadBlock()
    {
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);
        _chain.Seal();
        _chain.Seal();
        using (var connection = _chain.Chain.OpenConnection())
        {
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE blocks SET state_root = zeroblob(32) WHERE number = 2";
            command.ExecuteNonQuery();
        }

        var result = ChainVerifier.Verify(_chain.DataDir);

        Assert.False(result.Valid);
        Assert.Equal(2UL, result.Height);
        Assert.StartsWith("StateRootMismatch", result.Problem);
    }

    /// <summary>Seals block 1 with one transfer, runs <paramref name="sql"/> on the database (it must change a row), then verifies the chain.</summary>
    private VerificationResult VerifiedAfterEditingATransfersBlock(string sql)
    {
        Assert.True(_chain.Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(Rao.PerTao))).Accepted);
        _chain.Seal();
        using (var connection = _chain.Chain.OpenConnection())
        {
            Assert.True(connection.Execute(sql) > 0, $"{sql} changed nothing");
        }
        return ChainVerifier.Verify(_chain.DataDir);
    }
}
