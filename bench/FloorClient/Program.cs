using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

// smapi-floor HOST PORT USER PASSWORD TARGET [off|on]: as bench/floor/smapi_status.c (exit 0 on,
// 2 off, 1 error; with off/on: status, Image_Deactivate IMMED or Image_Activate, status until done).
// smapi-floor --write BYTES: the runtime's start and one write of that many bytes to stdout, nothing
// else: the floor for -o metadata, which starts and writes its document.
if (args is ["--write", var size])
{
    byte[] text = new byte[int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)];
    text.AsSpan().Fill((byte)'x');
    using Stream stdout = Console.OpenStandardOutput();
    stdout.Write(text);
    return 0;
}

if (args.Length < 5)
{
    Console.Error.WriteLine("usage: smapi-floor HOST PORT USER PASSWORD TARGET [off|on]");
    return 1;
}

var server = new IPEndPoint(IPAddress.Parse(args[0]), int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
string user = args[2], password = args[3], target = args[4];
if (args.Length < 6)
{
    return Status();
}

bool off = args[5] == "off";
int want = off ? 2 : 0;
int state = Status();
if (state == want || state == 1)
{
    return state == want ? 0 : 1;
}

if (Call(off ? "Image_Deactivate" : "Image_Activate", off ? "IMMED" : null).Rc != 0)
{
    return 1;
}

for (int i = 0; i < 2000; i++)
{
    if ((state = Status()) == want || state == 1)
    {
        return state == want ? 0 : 1;
    }

    Thread.Sleep(10);
}

return 1;

int Status()
{
    (int rc, int rs) = Call("Image_Status_Query", null);
    return rc == 0 && rs == 0 ? 0 : rc == 0 && rs == 12 ? 2 : 1;
}

(int Rc, int Rs) Call(string function, string? extra)
{
    var request = new List<byte>(256) { 0, 0, 0, 0 };
    foreach (string? field in (string?[])[function, user, password, target, extra])
    {
        if (field is null)
        {
            continue;
        }

        byte[] length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
        request.AddRange(length);
        request.AddRange(Encoding.ASCII.GetBytes(field));
    }

    byte[] frame = [.. request];
    BinaryPrimitives.WriteInt32BigEndian(frame, frame.Length - 4);
    using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    socket.Connect(server);
    socket.Send(frame);
    byte[] header = ReadExactly(socket, 8);
    byte[] body = ReadExactly(socket, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
    return (BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(4)), BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(8)));
}

static byte[] ReadExactly(Socket socket, int count)
{
    byte[] bytes = new byte[count];
    for (int read = 0; read < count;)
    {
        int n = socket.Receive(bytes, read, count - read, SocketFlags.None);
        read += n > 0 ? n : throw new IOException("connection closed");
    }

    return bytes;
}
