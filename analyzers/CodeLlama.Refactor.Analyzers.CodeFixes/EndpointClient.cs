using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// Calls <c>POST /infill</c> on the configured endpoint, in llama.cpp server's shape. Only code actions call it, and only
/// when the user applies them; it has no dependencies beyond netstandard2.0, so the package ships no extra assemblies.
/// The key of a <c>serve --api-key</c> is sent as <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class EndpointClient(EndpointSettings settings)
{
    private const int MaxNewTokens = 96;
    private static readonly HttpClient Http = new() { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>What the model writes between <paramref name="prefix"/> and <paramref name="suffix"/>.</summary>
    /// <exception cref="HttpRequestException">The endpoint failed or answered an error.</exception>
    /// <exception cref="OperationCanceledException">The timeout passed or the user cancelled.</exception>
    public async Task<string> InfillAsync(string prefix, string suffix, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var body = Serialize(new InfillBody { InputPrefix = prefix, InputSuffix = suffix, NPredict = MaxNewTokens, Temperature = 0 });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoint, "infill")) { Content = content };
        if (settings.ApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        using var response = await Http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var answer = (InfillAnswer?)new DataContractJsonSerializer(typeof(InfillAnswer)).ReadObject(stream);
        return answer?.Content ?? throw new HttpRequestException("The endpoint answered without content.");
    }

    private static string Serialize(InfillBody body)
    {
        using var stream = new MemoryStream();
        new DataContractJsonSerializer(typeof(InfillBody)).WriteObject(stream, body);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [DataContract]
    private sealed class InfillBody
    {
        [DataMember(Name = "input_prefix")]
        public string InputPrefix { get; set; } = string.Empty;

        [DataMember(Name = "input_suffix")]
        public string InputSuffix { get; set; } = string.Empty;

        [DataMember(Name = "n_predict")]
        public int NPredict { get; set; }

        [DataMember(Name = "temperature")]
        public float Temperature { get; set; }
    }

    [DataContract]
    private sealed class InfillAnswer
    {
        [DataMember(Name = "content")]
        public string? Content { get; set; }
    }
}
