namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// The security rules of the .NET SDK's analyzers (Microsoft.CodeAnalysis.NetAnalyzers) the gate runs, with the short
/// names the report uses and the CWE each one guards against (docs/rules/safety.md).
/// </summary>
public static class SecurityRules
{
    private static readonly Dictionary<string, (string Name, string Cwe)> Known = new(StringComparer.Ordinal)
    {
        ["CA2300"] = ("BinaryFormatter", "CWE-502"),
        ["CA2301"] = ("BinaryFormatter without binder", "CWE-502"),
        ["CA2302"] = ("BinaryFormatter binder", "CWE-502"),
        ["CA2305"] = ("LosFormatter", "CWE-502"),
        ["CA2310"] = ("NetDataContractSerializer", "CWE-502"),
        ["CA2311"] = ("NetDataContractSerializer without binder", "CWE-502"),
        ["CA2312"] = ("NetDataContractSerializer binder", "CWE-502"),
        ["CA2315"] = ("ObjectStateFormatter", "CWE-502"),
        ["CA2321"] = ("JavaScriptSerializer with SimpleTypeResolver", "CWE-502"),
        ["CA2322"] = ("JavaScriptSerializer type resolver", "CWE-502"),
        ["CA2326"] = ("TypeNameHandling", "CWE-502"),
        ["CA2327"] = ("insecure JsonSerializerSettings", "CWE-502"),
        ["CA2328"] = ("insecure JsonSerializerSettings", "CWE-502"),
        ["CA2329"] = ("JsonSerializer with insecure settings", "CWE-502"),
        ["CA2330"] = ("JsonSerializer with insecure settings", "CWE-502"),
        ["CA3001"] = ("SQL injection", "CWE-89"),
        ["CA3002"] = ("cross-site scripting", "CWE-79"),
        ["CA3003"] = ("file path injection", "CWE-22"),
        ["CA3004"] = ("information disclosure", "CWE-209"),
        ["CA3005"] = ("LDAP injection", "CWE-90"),
        ["CA3006"] = ("process command injection", "CWE-78"),
        ["CA3007"] = ("open redirect", "CWE-601"),
        ["CA3008"] = ("XPath injection", "CWE-643"),
        ["CA3009"] = ("XML injection", "CWE-91"),
        ["CA3010"] = ("XAML injection", "CWE-94"),
        ["CA3011"] = ("DLL injection", "CWE-114"),
        ["CA3012"] = ("regex injection", "CWE-1333"),
        ["CA3061"] = ("schema by URL", "CWE-611"),
        ["CA3075"] = ("insecure DTD processing (XXE)", "CWE-611"),
        ["CA3076"] = ("insecure XSLT script", "CWE-611"),
        ["CA3077"] = ("insecure XML API design", "CWE-611"),
        ["CA5350"] = ("weak cryptography", "CWE-327"),
        ["CA5351"] = ("broken cryptography", "CWE-328"),
        ["CA5358"] = ("unsafe cipher mode", "CWE-327"),
        ["CA5359"] = ("certificate validation disabled", "CWE-295"),
        ["CA5360"] = ("dangerous method in deserialization", "CWE-502"),
        ["CA5361"] = ("strong cryptography disabled", "CWE-327"),
        ["CA5364"] = ("deprecated security protocol", "CWE-327"),
        ["CA5369"] = ("XmlSerializer without XmlReader", "CWE-611"),
        ["CA5370"] = ("XmlReader without validation", "CWE-611"),
        ["CA5373"] = ("obsolete key derivation", "CWE-327"),
        ["CA5379"] = ("weak key derivation algorithm", "CWE-327"),
        ["CA5384"] = ("DSA", "CWE-327"),
        ["CA5385"] = ("RSA key too small", "CWE-326"),
        ["CA5387"] = ("weak key derivation iterations", "CWE-916"),
        ["CA5389"] = ("archive path traversal", "CWE-22"),
        ["CA5390"] = ("hard-coded encryption key", "CWE-321"),
        ["CA5392"] = ("DllImport search path", "CWE-427"),
        ["CA5393"] = ("unsafe DllImport search path", "CWE-427"),
        ["CA5394"] = ("insecure randomness", "CWE-338"),
        ["CA5397"] = ("deprecated SslProtocols", "CWE-327"),
        ["CA5398"] = ("hard-coded SslProtocols", "CWE-327"),
        ["CA5399"] = ("certificate revocation check disabled", "CWE-299"),
        ["CA5400"] = ("certificate revocation check may be disabled", "CWE-299"),
        ["CA5401"] = ("non-default IV", "CWE-329"),
        ["CA5402"] = ("non-default IV", "CWE-329"),
        ["CA5403"] = ("hard-coded certificate", "CWE-798"),
    };

    /// <summary>True for the rule ids the gate runs: CA2300–CA2330, CA3001–CA3012, CA3061, CA3075–CA3077, CA3147, CA5350–CA5499.</summary>
    /// <param name="id">A diagnostic id.</param>
    /// <returns>Whether it is a security rule.</returns>
    public static bool IsSecurity(string id) =>
        id.Length == 6 && id.StartsWith("CA", StringComparison.Ordinal) && int.TryParse(id.AsSpan(2), out var number)
        && number is (>= 2300 and <= 2330) or (>= 3001 and <= 3012) or 3061 or (>= 3075 and <= 3077) or 3147 or (>= 5350 and <= 5499);

    /// <summary>The short name the report gives <paramref name="id"/>, or <paramref name="title"/> for one not listed.</summary>
    /// <param name="id">A security rule id.</param>
    /// <param name="title">The analyzer's title for it.</param>
    /// <returns>For example <c>SQL injection</c>.</returns>
    public static string NameOf(string id, string title) => Known.TryGetValue(id, out var known) ? known.Name : title;

    /// <summary>The CWE the rule guards against, where listed.</summary>
    /// <param name="id">A security rule id.</param>
    /// <returns>For example <c>CWE-89</c>, or null.</returns>
    public static string? CweOf(string id) => Known.TryGetValue(id, out var known) ? known.Cwe : null;
}
