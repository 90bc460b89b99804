using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Runtime;

namespace Appliance.Tests.Runtime;

/// <summary>An event's fields read the same whether they were given as JSON nodes or as a writer.</summary>
public sealed class RuntimeEventTests
{
    private static string Written(RuntimeEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            e.WriteFields(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void WriterEvent_WrittenAsOneObject_FieldsReadBackTheSame()
    {
        var e = new RuntimeEvent("Balances", "Transfer", writer =>
        {
            writer.WriteString("to", "5F\"quoted\"");
            writer.WriteNumber("amount", ulong.MaxValue);
            writer.WriteNull("detail");
        }, extrinsicIndex: 3);

        Assert.Equal("""{"to":"5F\u0022quoted\u0022","amount":18446744073709551615,"detail":null}""", Written(e));
        Assert.Equal(Written(e), e.Fields.ToJsonString());
        Assert.Equal(ulong.MaxValue, e.Fields["amount"]!.GetValue<ulong>());
        Assert.Same(e.Fields, e.Fields);
        Assert.Equal(3, e.ExtrinsicIndex);
    }

    [Fact]
    public void NodeEvent_WrittenAsItsFields()
    {
        var e = new RuntimeEvent("SubtensorModule", "EpochRun", new JsonObject { ["netuid"] = 1, ["uids"] = new JsonArray(0, 1) });

        Assert.Equal("""{"netuid":1,"uids":[0,1]}""", Written(e));
        Assert.Null(e.ExtrinsicIndex);
    }

    [Fact]
    public void WriterEvent_WithNoFields_WrittenAsAnEmptyObject()
    {
        var e = new RuntimeEvent("System", "ExtrinsicSuccess", static _ => { }, extrinsicIndex: 0);

        Assert.Equal("{}", Written(e));
        Assert.Empty(e.Fields);
    }
}
