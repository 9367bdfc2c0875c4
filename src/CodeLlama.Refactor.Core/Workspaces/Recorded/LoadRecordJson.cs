using System.Text.Json.Serialization;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>How a <see cref="LoadRecord"/> is written and read: serializers made at build time, not by reflection at each run.</summary>
[JsonSerializable(typeof(LoadRecord))]
internal sealed partial class LoadRecordJson : JsonSerializerContext;
