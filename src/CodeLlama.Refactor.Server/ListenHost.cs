using System.Net;
using System.Net.Sockets;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// The address <c>serve</c> listens on, as a user writes it: an IPv4 or IPv6 address (with or without brackets, an IPv4
/// address mapped into IPv6 included) or a host name such as <c>localhost</c>.
/// </summary>
public static class ListenHost
{
    /// <summary>Whether <paramref name="host"/> is an IP address or a well-formed host name.</summary>
    /// <param name="host">The value of <c>--host</c>.</param>
    /// <returns>False for anything Kestrel could not be asked to bind.</returns>
    public static bool IsValid(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Address(host) is not null || Uri.CheckHostName(host.Trim()) == UriHostNameType.Dns;
    }

    /// <summary>Whether <paramref name="host"/> answers this machine only: a loopback address or <c>localhost</c>.</summary>
    /// <param name="host">A host name or IP address, as given to <c>--host</c> or found in a request's <c>Host</c> header.</param>
    /// <returns>True for 127.0.0.0/8, ::1, ::ffff:127.0.0.0/104 and localhost.</returns>
    public static bool IsLoopback(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return string.Equals(Unbracketed(host), "localhost", StringComparison.OrdinalIgnoreCase)
            || (Address(host) is { } address && IPAddress.IsLoopback(address));
    }

    /// <summary>
    /// The host as it goes into the URL Kestrel binds: an IPv6 address in brackets, and an IPv4 address mapped into IPv6
    /// as the IPv4 address itself (the same socket, without depending on the system's dual-stack setting).
    /// </summary>
    internal static string ForUrl(string host) => Address(host) switch
    {
        { AddressFamily: AddressFamily.InterNetworkV6 } address => $"[{address}]",
        { } address => address.ToString(),
        null => host.Trim(),
    };

    /// <summary>Whether two hosts name the same address or the same name (case, brackets and IPv4 mapping aside).</summary>
    internal static bool AreSame(string left, string right) =>
        Address(left) is { } leftAddress && Address(right) is { } rightAddress
            ? leftAddress.Equals(rightAddress)
            : string.Equals(Unbracketed(left), Unbracketed(right), StringComparison.OrdinalIgnoreCase);

    private static IPAddress? Address(string host)
    {
        // Only the forms a URL host takes: IPAddress.TryParse alone would also take "1" (0.0.0.1) and "1.2" as addresses.
        var text = Unbracketed(host);
        var looksLikeAddress = text.Contains(':', StringComparison.Ordinal) || text.Count(character => character == '.') == 3;
        if (!looksLikeAddress || !IPAddress.TryParse(text, out var address))
        {
            return null;
        }

        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }

    private static string Unbracketed(string host)
    {
        var trimmed = host.Trim();
        return trimmed.Length > 1 && trimmed[0] == '[' && trimmed[^1] == ']' ? trimmed[1..^1] : trimmed;
    }
}
