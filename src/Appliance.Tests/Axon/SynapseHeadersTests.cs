using System.Text;
using Appliance.Axon;
using Appliance.Crypto;
using Appliance.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Appliance.Tests.Axon;

public sealed class SynapseHeadersTests : IDisposable
{
    private readonly Ed25519KeyPair _validator = TestChain.Key("//Alice");

    [Theory]
    [InlineData("", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")]
    [InlineData("abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532")]
    public void BodyHash_IsSha3_256Hex_AsFips202(string body, string expected) =>
        Assert.Equal(expected, BodyHash.Compute(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Sign_SignsBittensorsMessage_WithAHexSignature()
    {
        var uuid = Guid.Parse("6f1c0a52-7f9e-11ef-9d3e-0242ac120002");

        var headers = SynapseHeaders.Sign(_validator, "5Axon", "{}"u8, 1_700_000_000_000_000_000, uuid, TimeSpan.FromSeconds(12));

        Assert.Equal($"1700000000000000000.{TestChain.Id(_validator).Address}.5Axon.{uuid}.{BodyHash.Compute("{}"u8)}", headers.Message);
        Assert.Matches("^0x[0-9a-f]{128}$", headers.Signature);
        Assert.True(headers.SignatureIsValid());
        Assert.False((headers with { Nonce = headers.Nonce + 1 }).SignatureIsValid());
    }

    [Fact]
    public void TryRead_WhatWriteToSent_RoundTrips()
    {
        var sent = SynapseHeaders.Sign(_validator, "5Axon", "{}"u8, 42, Guid.NewGuid(), TimeSpan.FromSeconds(2.5));
        using var message = new HttpRequestMessage();
        sent.WriteTo(message.Headers);
        var received = new HeaderDictionary(message.Headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value.ToArray())));

        Assert.True(SynapseHeaders.TryRead(received, out var read, out var error), error);
        Assert.Equal(sent, read);
    }

    [Theory]
    [InlineData(SynapseHeaders.NonceName, "-1", "Unix nanoseconds")]
    [InlineData(SynapseHeaders.UuidName, "not-a-uuid", "must be a UUID")]
    [InlineData(SynapseHeaders.BodyHashName, "abc", "64 hex digits")]
    [InlineData(SynapseHeaders.TimeoutName, "-3", "positive number of seconds")]
    [InlineData(SynapseHeaders.AxonHotkeyName, "", "missing or empty")]
    public void TryRead_BadHeader_NamesIt(string name, string value, string reason)
    {
        using var message = new HttpRequestMessage();
        SynapseHeaders.Sign(_validator, "5Axon", "{}"u8, 42, Guid.NewGuid(), TimeSpan.FromSeconds(2)).WriteTo(message.Headers);
        var received = new HeaderDictionary(message.Headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value.ToArray())))
        {
            [name] = value,
        };

        Assert.False(SynapseHeaders.TryRead(received, out _, out var error));
        Assert.Contains(name, error);
        Assert.Contains(reason, error);
    }

    public void Dispose() => _validator.Dispose();
}
