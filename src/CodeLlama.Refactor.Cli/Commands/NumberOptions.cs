using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary>
/// Numeric options parsed and range-checked by the command line's own parser: a value that is not a number, or out of
/// range, is a parse error (exit code 2, one line on stderr) before any command runs, never an exception inside one.
/// </summary>
internal static class NumberOptions
{
    /// <summary>An option with a default, taking a number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static Option<T> Create<T>(string name, string description, T defaultValue, T minimum, T maximum)
        where T : struct, INumber<T>, IMinMaxValue<T> => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(result, name, minimum, maximum) ?? defaultValue,
    };

    /// <summary>An option without a default (null when not given), taking a number in the range.</summary>
    public static Option<T?> CreateOptional<T>(string name, string description, T minimum, T maximum)
        where T : struct, INumber<T>, IMinMaxValue<T> => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name, minimum, maximum),
    };

    private static T? Parse<T>(ArgumentResult result, string name, T minimum, T maximum)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var whole = typeof(T) != typeof(float) && typeof(T) != typeof(double);
        var style = whole ? NumberStyles.Integer : NumberStyles.Float;
        if (!T.TryParse(token, style, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name}: '{token}' is not {(whole ? "a whole number" : "a number")}{Range(minimum, maximum)}.");
            return null;
        }

        // Written so that NaN, which compares false with everything, is refused too.
        if (!(value >= minimum && value <= maximum))
        {
            result.AddError($"{name}: {token} is out of range{Range(minimum, maximum)}.");
            return null;
        }

        return value;
    }

    private static string Range<T>(T minimum, T maximum)
        where T : struct, INumber<T>, IMinMaxValue<T> =>
        maximum == T.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"; use {minimum} or more")
            : string.Create(CultureInfo.InvariantCulture, $"; use {minimum} to {maximum}");
}
