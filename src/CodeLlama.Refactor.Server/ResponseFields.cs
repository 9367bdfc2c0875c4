using System.Text.Json.Nodes;

namespace CodeLlama.Refactor.Server;

/// <summary>
/// llama.cpp's <c>response_fields</c>: the answer holds only the fields asked for, a nested one under its path as a
/// flat key (<c>"timings/prompt_n": 12</c>); a path that names nothing is left out.
/// </summary>
internal static class ResponseFields
{
    public static JsonObject Select(JsonObject response, IReadOnlyList<string> paths)
    {
        var selected = new JsonObject();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            JsonNode? node = response;
            foreach (var part in path.Split('/'))
            {
                node = node is JsonObject parent && parent.TryGetPropertyValue(part, out var child) ? child : null;
                if (node is null)
                {
                    break;
                }
            }

            if (node is not null)
            {
                selected[path] = node.DeepClone();
            }
        }

        return selected;
    }
}
