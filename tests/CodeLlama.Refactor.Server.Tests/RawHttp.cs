using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>Requests written byte by byte on a socket, so that the framing of the body is exactly what the test says.</summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Response)> PostAsync(Uri server, string path, string body, bool chunked)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST /{path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n")
            .Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {bytes.Length}\r\n")
            .Append("Connection: close\r\n\r\n");
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
            if (chunked)
            {
                // Chunks of 4 KiB, as a streaming client sends them: no single chunk is over the limit, only their sum.
                foreach (var chunk in bytes.Chunk(4096))
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                    await stream.WriteAsync(chunk);
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }

                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            else
            {
                await stream.WriteAsync(bytes);
            }
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything; the answer is still there to read.
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = int.Parse(response.Split(' ', 3)[1], CultureInfo.InvariantCulture);
        return (status, response);
    }
}
