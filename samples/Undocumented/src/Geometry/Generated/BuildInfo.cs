namespace Geometry.Generated;

[System.CodeDom.Compiler.GeneratedCode("buildinfo", "1.0")]
public static class BuildInfo
{
    public const string Version = "1.0.0";
}
