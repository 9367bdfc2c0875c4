namespace DocSample;

public static class Guard
{
    public static T Null<T>(T? input, string parameterName)
    {
        if (input is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        return input;
    }

    public static string NullOrEmpty(string? input, string parameterName)
    {
        Null(input, parameterName);
        if (input == string.Empty)
        {
            throw new ArgumentException("Required input was empty.", parameterName);
        }

        return input!;
    }

    public static int Negative(int input, string parameterName)
    {
        if (input < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName);
        }

        return input;
    }

    public static int OutOfRange(int input, int minimum, int maximum)
    {
        if (input < minimum || input > maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(input));
        }

        return input;
    }
}
