namespace Appliance.Models.Gguf;

/// <summary>
/// A tensor's entry in the header. <see cref="Shape"/> is innermost first, as GGUF stores it: Shape[0] is the
/// row length (a [rows × cols] matrix in C order has Shape = [cols, rows]). <see cref="Offset"/> is relative to
/// the start of the data section.
/// </summary>
public sealed record GgufTensorInfo(string Name, GgufTensorType Type, IReadOnlyList<ulong> Shape, ulong Offset)
{
    public ulong ElementCount => Count(Shape);

    public ulong ByteSize => Type.ByteSize(ElementCount);

    public static ulong Count(IEnumerable<ulong> shape) => shape.Aggregate(1UL, (product, dimension) => checked(product * dimension));
}
