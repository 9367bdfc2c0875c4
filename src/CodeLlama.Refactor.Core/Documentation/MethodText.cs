using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CodeLlama.Refactor.Documentation.NameWords;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The summary and <c>&lt;returns&gt;</c> of a method, from its name read as English (a verb from the lexicon, or a
/// known shape: <c>Try*</c>, <c>Is*</c>, <c>To*</c>, <c>From*</c>, <c>With*</c>, <c>Create*</c>, <c>*Async</c>), and,
/// for a name that is no verb, from what the body does: what it returns, and what it throws on.
/// </summary>
internal static class MethodText
{
    private const string AsyncSuffix = "Async";

    public static IReadOnlyList<XmlNodeSyntax> Summary(IMethodSymbol method, DocContext? context)
    {
        switch (method.MethodKind)
        {
            case MethodKind.UserDefinedOperator:
                return OperatorText.Summary(method, context);
            case MethodKind.Conversion:
                return [T($"Defines an {(method.Name == "op_Implicit" ? "implicit" : "explicit")} conversion of "),
                    .. TypeText.ClosedNodes(method.Parameters[0].Type, context), T(" to "), .. TypeText.ClosedNodes(method.ReturnType, context), T(".")];
        }

        var (words, isAsync) = NameOf(method);
        // PermitIfAsync returning a configuration takes an asynchronous guard; it does not itself run asynchronously.
        var asynchronously = isAsync && IsAwaitable(method.ReturnType) ? " asynchronously" : "";
        if (words.Count == 0)
        {
            return [T("Performs the operation" + asynchronously + ".")];
        }

        if (LogEventText.Summary(method, words, context) is { } logs)
        {
            return logs;
        }

        if (HookText.Summary(method, words, context) is { } hook)
        {
            return hook;
        }

        if (SetupText.Summary(method, words, context) is { } setup)
        {
            return setup;
        }

        var first = words[0];
        var rest = words.Skip(1).ToList();
        var subject = Subject(method);
        switch (first)
        {
            case "try" when rest.Count > 0 && VerbLexicon.IsVerb(rest[0]):
                return [T($"Tries to {rest[0]}"), .. Object(method, rest.Skip(1).ToList(), skipFirstParameter: method.IsExtensionMethod, context), T(asynchronously + ".")];
            case "try" when rest.Count > 1 && IsFunctionWord(rest[0]) && method.Parameters.FirstOrDefault(parameter => parameter.RefKind == RefKind.Out) is { } result:
                return [T("Tries to get "), .. TypeWithArticle(result.Type, context), T($" {string.Join(" ", rest)}{asynchronously}.")];
            case "try" when rest.Count > 0 && method.Parameters.Any(parameter => parameter.RefKind == RefKind.Out):
                return [T($"Tries to get the {string.Join(" ", rest)}"), .. method.IsExtensionMethod ? [T(" of "), XmlDoc.ParamRef(method.Parameters[0].Name)] : (IEnumerable<XmlNodeSyntax>)[], T(asynchronously + ".")];
            case "is" or "has" or "can" or "should" or "contains" or "supports" when IsBoolean(method) && rest.Count > 0:
                return [T("Determines whether "), .. subject, T(" " + string.Join(" ", words)), .. TrailingParameter(method, words), T(".")];
            // Exists(predicate), Any(filter) on a store ask whether something matching exists, not whether the store does.
            case "exists" or "any" when rest.Count == 0 && IsBoolean(method) && method.Parameters.FirstOrDefault(IsFilter) is { } filter:
                return [T("Determines whether anything matching "), XmlDoc.ParamRef(filter.Name), T(" exists.")];
            // An instance's Exists(path), Exists(id) asks whether what it is passed exists, not whether the instance does.
            case "exists" when rest.Count == 0 && IsBoolean(method) && !method.IsStatic
                && method.Parameters.Where(parameter => parameter.Type.Name != nameof(CancellationToken)).ToList() is [var named]:
                return [T("Determines whether "), XmlDoc.ParamRef(named.Name), T(" exists.")];
            // CollectionExists(name), BucketExists(bucketName): the words before "exists" name what is asked about.
            case var _ when words is [.., "exists"] && words.Count > 1 && IsBoolean(method)
                && !words.Take(words.Count - 1).Any(IsFunctionWord) && !(VerbLexicon.IsVerb(first) && !IsNounAsOftenAsVerb(first)):
                return [T($"Determines whether the {Phrase(words.Take(words.Count - 1).ToList())} exists.")];
            // Matches(items), Exists(), StartsWith(prefix): a question in the third person, answered by the Boolean.
            case "matches" or "equals" or "exists" or "includes" or "accepts" or "allows" or "requires" or "starts" or "ends"
                or "intersects" or "overlaps" when IsBoolean(method):
                return [T("Determines whether "), .. subject, T(" " + string.Join(" ", words)), .. TrailingParameter(method, words), T(".")];
            // ExecuteReader returning a DbDataReader, ExecuteScalar: the noun is what running yields, not what is run.
            case "execute" or "run" when rest is [.., var yielded] && !IsFunctionWord(rest[0]) && Produced(method, isAsync) is { } product
                && (yielded == "scalar" || Split(product.Name) is [.., var kind] && kind == yielded):
                return [T($"{Capitalize(ThirdPerson(first))} and returns "),
                    .. yielded == "scalar" ? [T("a single value")] : TypeWithArticle(product, context), T(asynchronously + ".")];
            // AutoMap, AutoDetectDelimiter: "auto" is how the verb after it acts. What it acts on is only what the name
            // says, for a parameter may as well be what it uses (AutoMap(culture) maps no culture).
            case "auto" when rest.Count > 0 && VerbLexicon.IsVerb(rest[0]):
                return [T($"Automatically {ThirdPerson(rest[0])}{(rest.Count > 1 ? (IsFunctionWord(rest[1]) ? " " : " the ") + string.Join(" ", rest.Skip(1)) : "")}{asynchronously}.")];
            case "to" when rest.Count > 0:
                return [T("Converts "), .. subject, T($" to {WithArticle(string.Join(" ", rest))}{asynchronously}.")];
            // "Returns source as an enumerable" only when it is one: AsImplementedInterfaces() returning a selector is a fluent call.
            // An instance's AsQueryable(specification) returns a query, not the instance: only what it is passed can say.
            case "as" when rest.Count > 0 && NamesReturnType(method, rest) && ConvertsItsSubject(method):
                return [T("Returns "), .. subject, T($" as {WithArticle(string.Join(" ", rest))}.")];
            case "as" when !method.ReturnsVoid:
                return [T("Returns "), .. TypeWithArticle(method.ReturnType, context), T(".")];
            case "from" when rest.Count > 0 && !method.ReturnsVoid && (method.Parameters.Length == 1 || !IsFunctionWord(rest[rest.Count - 1])):
                // "Returns", not "Creates": a From* method may as well look up an existing instance.
                return [T("Returns "), .. TypeWithArticle(method.ReturnType, context), T(" for "),
                    .. method.Parameters.Length == 1 ? [XmlDoc.ParamRef(method.Parameters[0].Name)] : (IEnumerable<XmlNodeSyntax>)[T("the specified " + string.Join(" ", rest))],
                    T(asynchronously + ".")];
            // "the specified" names what a parameter gives: WithScopedLifetime() has none to specify.
            case "with" when rest.Count > 0 && !method.ReturnsVoid && method.Parameters.Length > 0 && !IsFunctionWord(rest[rest.Count - 1]):
                return [T("Returns "), .. TypeWithArticle(method.ReturnType, context), T($" with the specified {string.Join(" ", rest)}.")];
            case "create" when rest.Count > 0 && !IsFunctionWord(rest[0]):
                return [T($"Creates {WithArticle(string.Join(" ", rest))}{asynchronously}.")];
            case "create" when rest.Count == 0 && !method.ReturnsVoid && !IsTask(method.ReturnType):
                return [T("Creates a new "), .. TypeText.Nodes(method.ReturnType, context), T(asynchronously + ".")];
        }

        if (IsCheckVerb(first) && Guard(method, context) is { } guard)
        {
            return guard;
        }

        // SortCode(), ListItem(list): a first word that names a thing as often as an action, before words that name
        // nothing passed, may start a noun phrase ("Sorts the code." was false): only what is returned is sure.
        if (IsNounAsOftenAsVerb(first) && rest.Count > 0 && !IsFunctionWord(rest[0]) && !IsPlural(Phrase(rest))
            && ReturnedValue(method, isAsync) is { } value && !rest.Any(word => NamesParameter(method, word)))
        {
            return [T("Returns "), .. TypeWithArticle(value, context), T(asynchronously + ".")];
        }

        // PostProcess(state), PreRender(): "pre" before a verb, and "post" before a verb of a stage (not PostRequest, PostReply,
        // which post something), make one verb with it ("Posts the process." was false).
        if (rest.Count > 0 && VerbLexicon.IsVerb(rest[0]) && (first == "pre" || first == "post" && IsStage(rest[0])))
        {
            return [T($"{Capitalize(first)}-{ThirdPerson(rest[0])}"), .. Object(method, rest.Skip(1).ToList(), skipFirstParameter: false, context), T(asynchronously + ".")];
        }

        // PickRandom(items), GenerateLazy(count): a word of manner after the verb says how it acts, not what on
        // ("Picks the random." was false).
        if (VerbLexicon.IsVerb(first) && rest.FirstOrDefault(word => Manner(word) is not null) is { } manner)
        {
            return [T(Capitalize(ThirdPerson(first))), .. Object(method, rest.Where(word => word != manner).ToList(), skipFirstParameter: false, context),
                T(" " + Manner(manner) + asynchronously + ".")];
        }

        // OpenRead(), BeginWrite(): a verb after the verb says how, not what ("Opens the read." was false); what the
        // first verb acts on is what the method returns.
        if (VerbLexicon.IsVerb(first) && rest is [var how] && VerbLexicon.IsVerb(how) && !IsNounAsOftenAsVerb(how)
            && ReturnedValue(method, isAsync) is { } opened)
        {
            return [T(Capitalize(ThirdPerson(first)) + " "), .. TypeWithArticle(opened, context), T(asynchronously + ".")];
        }

        // Observable.Return(value) returns a sequence that holds its value, not the value: "Returns value." only where
        // the body returns it.
        if (first == "return" && rest.Count == 0 && !method.ReturnsVoid && MethodShape.ReturnedParameter(method, context) is null)
        {
            return [T("Returns "), .. TypeWithArticle(method.ReturnType, context), T(".")];
        }

        // A level's name ("Debug", "Error") is a noun where the method does not log: LoggerMinimumLevelConfiguration.Debug()
        // debugs nothing.
        if (VerbLexicon.IsVerb(first) && !LogEventText.IsLevel(first))
        {
            return [T(Capitalize(ThirdPerson(first))), .. Object(method, rest, skipFirstParameter: false, context), T(asynchronously + ".")];
        }

        // Not a verb ("Null", "Empty", "Values"): say what the method does rather than make its name a verb.
        if (Guard(method, context) is { } check)
        {
            return check;
        }

        if (MethodShape.ReturnedParameter(method, context) is { } returned && ThrownExceptions(context) is [var (exception, _), ..])
        {
            return [T("Returns "), XmlDoc.ParamRef(returned.Name), T(", or throws "), .. TypeText.Nodes(exception, context), T(".")];
        }

        if (Configures(method, words) is { } configures)
        {
            return configures;
        }

        // A name that is no verb, on a body that only returns a field or property: say which.
        if (!method.ReturnsVoid && !isAsync && MethodShape.ReturnedMember(method, context) is { } member)
        {
            return Visible(member) && Binds(member, context!) ? [T("Returns the value of "), XmlDoc.SeeCref(member.Name), T(".")]
                : [T($"Returns the {Phrase(Split(member.Name))}.")];
        }

        // FirstOrDefaultAsync returns its task's result asynchronously, not "a Task asynchronously".
        var produced = isAsync && IsTask(method.ReturnType) ? (method.ReturnType as INamedTypeSymbol)?.TypeArguments.FirstOrDefault() : method.ReturnType;
        return method.ReturnsVoid || produced is null
            ? [T($"Performs the {Phrase(words)} operation{asynchronously}.")]
            : [T("Returns "), .. TypeWithArticle(produced, context), T(asynchronously + ".")];
    }

    // What a method yields that is neither a flag (TestConnection() reports on its action) nor the instance of a fluent
    // call: null otherwise.
    private static ITypeSymbol? ReturnedValue(IMethodSymbol method, bool isAsync) =>
        Produced(method, isAsync) is { } value && value.SpecialType != SpecialType.System_Boolean
        && !SymbolEqualityComparer.Default.Equals(value.OriginalDefinition, method.ContainingType?.OriginalDefinition)
            ? value
            : null;

    private static bool NamesParameter(IMethodSymbol method, string word) =>
        method.Parameters.Any(parameter => Split(parameter.Name).Contains(word) || Split(parameter.Type.Name).Contains(word));

    private static string? Manner(string word) => word switch
    {
        "random" => "at random",
        "lazy" => "lazily",
        "forever" => "forever",
        "parallel" => "in parallel",
        "recursive" or "recursively" => "recursively",
        "lowercase" or "lowercased" => "in lower case",
        "uppercase" or "uppercased" => "in upper case",
        _ => null,
    };

    // What a preposition never takes: an extension's receiver, or the sequence a static operator works on
    // (CountBy(source, keySelector) counts source by the key selector, not "by source and keySelector").
    private static bool IsReceiver(IMethodSymbol method, IParameterSymbol parameter) =>
        method.IsExtensionMethod
        || method.IsStatic && method.Parameters.Length > 1 && parameter.Type.SpecialType != SpecialType.System_String
            && (parameter.Type.AllInterfaces.Any(type => type.SpecialType == SpecialType.System_Collections_IEnumerable)
                || SymbolEqualityComparer.Default.Equals(parameter.Type.OriginalDefinition, method.ReturnType.OriginalDefinition));

    private static bool IsStage(string verb) =>
        verb is "process" or "render" or "configure" or "initialize" or "build" or "compile" or "execute" or "handle" or "load"
            or "save" or "validate" or "install" or "deploy" or "parse";

    private static bool IsQuantifier(string word) => word is "many" or "all" or "each" or "every" or "any" or "one";

    // Count(predicate), DeleteMany(filter), Find(query): a condition selects what the verb acts on; it is not acted on.
    private static bool IsFilter(IParameterSymbol parameter) =>
        IsPredicate(parameter.Type)
        || parameter.Type is INamedTypeSymbol { Name: "Expression", TypeArguments: [var lambda] } && IsPredicate(lambda)
        || Split(parameter.Name) is [.., "predicate" or "filter" or "condition" or "criteria" or "query" or "where" or "specification" or "spec"];

    // What the method yields: its task's result for an awaited method, else its return type; null for void or a bare task.
    private static ITypeSymbol? Produced(IMethodSymbol method, bool isAsync) =>
        method.ReturnsVoid ? null
        : IsTask(method.ReturnType) ? (method.ReturnType as INamedTypeSymbol)?.TypeArguments.FirstOrDefault()
        : isAsync ? null : method.ReturnType;

    public static IReadOnlyList<XmlNodeSyntax> Returns(IMethodSymbol method, DocContext? context)
    {
        if (method.MethodKind == MethodKind.UserDefinedOperator)
        {
            return OperatorText.Returns(method, context);
        }

        if (method.MethodKind == MethodKind.Conversion)
        {
            return [XmlDoc.ParamRef(method.Parameters[0].Name), T(" converted to "), .. TypeText.ClosedNodes(method.ReturnType, context), T(".")];
        }

        var (words, _) = NameOf(method);
        var returned = method.ReturnType;
        if (IsTask(returned) && returned is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_Boolean }] } && words.FirstOrDefault() is "is" or "has" or "can" or "contains")
        {
            return [T("A task that represents the asynchronous operation. The task result is "), XmlDoc.SeeLangword("true"), T(" if "),
                .. Condition(method, words), T("; otherwise, "), XmlDoc.SeeLangword("false"), T(".")];
        }

        if (IsTask(returned))
        {
            return returned is INamedTypeSymbol { TypeArguments: [var result] }
                ? [T("A task that represents the asynchronous operation. The task result contains "), .. ResultNoun(method, words, result, context), T(".")]
                : [T("A task that represents the asynchronous operation.")];
        }

        if (returned.SpecialType == SpecialType.System_Boolean)
        {
            return [XmlDoc.SeeLangword("true"), T(" if "), .. Condition(method, words), T("; otherwise, "), XmlDoc.SeeLangword("false"), T(".")];
        }

        if (MethodShape.ReturnedParameter(method, context) is { } parameter)
        {
            return [XmlDoc.ParamRef(parameter.Name), T(".")];
        }

        if (MethodShape.ReturnsThis(context))
        {
            return [T("This instance.")];
        }

        return [.. Capitalized(ResultNoun(method, words, returned, context)), T(".")];
    }

    /// <summary>
    /// The words of the method's name without <c>Async</c>, and whether it had it; without an implementation marker
    /// after a verb too (<c>PublishCore</c>, <c>SaveImpl</c>, <c>LoadInternal</c> publish, save, load: no core is published).
    /// </summary>
    public static (IReadOnlyList<string> Words, bool IsAsync) NameOf(IMethodSymbol method)
    {
        var name = WithoutImplementationMarker(method.Name);
        var isAsync = name.EndsWith(AsyncSuffix, StringComparison.Ordinal) && name.Length > AsyncSuffix.Length;
        return (Split(isAsync ? name.Substring(0, name.Length - AsyncSuffix.Length) : name), isAsync);
    }

    private static string WithoutImplementationMarker(string name)
    {
        foreach (var marker in ImplementationMarkers)
        {
            if (name.Length > marker.Length && name.EndsWith(marker, StringComparison.Ordinal)
                && Split(name.Substring(0, name.Length - marker.Length)) is [var verb, ..] && VerbLexicon.IsVerb(verb))
            {
                return name.Substring(0, name.Length - marker.Length);
            }
        }

        return name;
    }

    private static readonly string[] ImplementationMarkers = ["Core", "Impl", "Internal"];

    /// <summary>What the method acts on: the first parameter of a static method or an extension, else this instance.</summary>
    public static IReadOnlyList<XmlNodeSyntax> Subject(IMethodSymbol method) =>
        (method.IsStatic || method.IsExtensionMethod) && method.Parameters.Length > 0
            ? [XmlDoc.ParamRef(method.Parameters[0].Name)]
            : [T("this instance")];

    // "Throws ArgumentNullException when input is null; otherwise returns input." for a guard whose conditions are plain.
    private static IReadOnlyList<XmlNodeSyntax>? Guard(IMethodSymbol method, DocContext? context)
    {
        var thrown = ThrownExceptions(context);
        if (thrown.Count == 0 || thrown.Any(entry => entry.Site.Sites is not { Count: > 0 } sites || sites.Any(site => site.Count == 0)))
        {
            return null;
        }

        var returned = MethodShape.ReturnedParameter(method, context);
        if (!method.ReturnsVoid && returned is null)
        {
            return null;
        }

        var nodes = new List<XmlNodeSyntax> { T("Throws ") };
        for (var index = 0; index < thrown.Count; index++)
        {
            if (index > 0)
            {
                nodes.Add(T(index == thrown.Count - 1 ? ", or " : ", "));
            }

            nodes.AddRange(TypeText.Nodes(thrown[index].Type, context));
            nodes.Add(T(" when "));
            nodes.AddRange(ExceptionText.Conditions(thrown[index].Site.Sites!));
        }

        if (returned is not null)
        {
            nodes.Add(T("; otherwise returns "));
            nodes.Add(XmlDoc.ParamRef(returned.Name));
        }

        nodes.Add(T("."));
        return nodes;
    }

    private static IReadOnlyList<(INamedTypeSymbol Type, ThrowSite Site)> ThrownExceptions(DocContext? context) =>
        context is null ? [] : Documentation.ThrownExceptions.Find(context.Declaration, context.Model, CancellationToken.None);

    private static bool IsCheckVerb(string word) =>
        word is "throw" or "ensure" or "assert" or "guard" or "check" or "validate" or "verify" or "require" or "expect";

    // What a verb acts on: the rest of the name ("the customer"), its first parameter when the name is one verb and the
    // parameter is a thing rather than a quantity ("Adds item", not "Resizes width"), what a lookup returns, the
    // instance itself when nothing is passed ("Clears the cache"), or nothing.
    private static IReadOnlyList<XmlNodeSyntax> Object(IMethodSymbol method, IReadOnlyList<string> rest, bool skipFirstParameter, DocContext? context = null)
    {
        var candidates = method.Parameters.Skip(skipFirstParameter ? 1 : 0)
            .Where(parameter => parameter.RefKind != RefKind.Out && parameter.Type.Name != nameof(CancellationToken)).ToList();
        if (rest.Count > 1 && rest[0] is "or" or "and" && VerbLexicon.IsVerb(rest[1]))
        {
            // "Gets or adds": what both verbs act on is what the method returns, not its first parameter.
            var after = rest.Skip(2).ToList();
            return [T($" {rest[0]} {ThirdPerson(rest[1])}"),
                .. after.Count > 0 || ReturnsNothing(method) ? Object(method, after, skipFirstParameter, context) : [T(" "), .. TypeWithArticle(method.ReturnType, context)]];
        }

        // FailIf(isFailure, error) fails when its flag is true: the condition is the flag, not what else is passed.
        if (rest is [.., "if" or "unless" or "when"] && candidates.Where(parameter => parameter.Type.SpecialType == SpecialType.System_Boolean).ToList() is [var flag])
        {
            var lead = rest.Count > 1 ? " the " + string.Join(" ", rest.Take(rest.Count - 1)) : "";
            return [T($"{lead} {(rest[rest.Count - 1] == "unless" ? "unless" : "if")} "), XmlDoc.ParamRef(flag.Name), T(" is "), XmlDoc.SeeLangword("true")];
        }

        if (rest is [.., "if" or "unless" or "when"])
        {
            return Conditional(method, rest, candidates);
        }

        if (rest.Count > 0)
        {
            var phrase = string.Join(" ", rest);
            if (IsFunctionWord(rest[rest.Count - 1]) || TakesObject(rest[rest.Count - 1]))
            {
                // A phrase never ends on "of": it takes the parameters, the one type argument of a method that takes
                // none (FromAssemblyContaining<T>()), or is left out. Neither an extension's receiver nor a flag is
                // what a preposition takes: OrderBy(builder, keySelector, condition) orders by the key selector.
                // Nor an optional parameter, which tunes the call (GenerateBetween(min, max, ruleSets = null) generates
                // between min and max). "Many", "all" or "one" say how many, not what: what is passed picks or changes
                // them (DeleteMany(predicate), UpdateMany(extend, predicate), FindOne(query)).
                if (IsQuantifier(rest[rest.Count - 1]))
                {
                    return [T(" " + phrase)];
                }

                var objects = candidates.Where(parameter => !(parameter.Ordinal == 0 && IsReceiver(method, parameter))
                    && parameter.Type.SpecialType != SpecialType.System_Boolean && !parameter.IsOptional).ToList();
                return objects.Count is > 0 and <= 3
                    ? [T(" " + phrase + " "), .. Joined(objects.Select(parameter => (XmlNodeSyntax)XmlDoc.ParamRef(parameter.Name)).ToList())]
                    : objects.Count == 0 && method.TypeParameters is [var typeParameter]
                        ? [T(IsFunctionWord(rest[0]) ? " " + phrase + " " : " the " + phrase + " "), XmlDoc.TypeParamRef(typeParameter.Name)]
                        : [];
            }

            return [T(IsFunctionWord(rest[0]) ? " " + phrase : " the " + phrase)];
        }

        // An extension's receiver is its instance: what the verb acts on when nothing else is passed.
        var receiver = method.IsExtensionMethod && !skipFirstParameter ? method.Parameters[0] : null;
        var others = receiver is null ? candidates : candidates.Skip(1).ToList();
        if (others.Count == 0 && receiver is not null && !(IsLookup(method) && !method.ReturnsVoid))
        {
            return [T(" "), XmlDoc.ParamRef(receiver.Name)];
        }

        // services.Decorate(strategy) decorates the services by means of the strategy: a comparer, a strategy, a formatter
        // or an encoding is what the verb works with, not what it acts on.
        if (method.IsExtensionMethod && candidates.Where(parameter => parameter.Ordinal > 0).ToList() is [var instrument]
            && Split(instrument.Type.Name) is [.., "comparer" or "strategy" or "formatter" or "encoding"])
        {
            return [T(" "), XmlDoc.ParamRef(method.Parameters[0].Name), T(" using "), XmlDoc.ParamRef(instrument.Name)];
        }

        // A handler's Handle(request, next) handles its request: the type's name says what its verb acts on.
        if (rest.Count == 0 && AgentObject(method, others) is { } acted)
        {
            return [T(" "), XmlDoc.ParamRef(acted.Name)];
        }

        // Execute(callback, context, state) executes its callback: the one delegate passed is what a verb of running acts on.
        if (NeedsCallableObject(method) && rest.Count == 0 && others.Where(parameter => IsCallable(parameter.Type)).ToList() is [var callback])
        {
            return [T(" "), XmlDoc.ParamRef(callback.Name)];
        }

        // A parameter is the verb's object only when it is the one thing passed, and a thing: Apply(services, descriptor)
        // does not apply the services, TryDecorate(decorator) does not decorate the decorator. Neither a filter, an
        // optional setting nor a key selector is acted on: Count(predicate), Validate(ruleSets = null), Include(keySelector).
        if (others is [var only] && !IsCallable(only.Type) && !(IsQuantity(only.Type) && (!method.IsStatic || method.IsExtensionMethod))
            && !(IsLookup(method) && !method.ReturnsVoid)
            && !NeedsCallableObject(method) && !IsFilter(only) && !only.IsOptional && Split(only.Name) is not [.., "selector"])
        {
            return [T(" "), XmlDoc.ParamRef(only.Name)];
        }

        var returned = IsTask(method.ReturnType) && method.ReturnType is INamedTypeSymbol { TypeArguments: [var result] } ? result : method.ReturnType;
        // A fluent Search(builder, …) that returns its builder (or a builder of its type) has found nothing: what it
        // returns is no result.
        // Read() returning bool reports whether it read something: a flag is no thing read ("Reads a bool." was false).
        // One queries or searches a source, not what it yields: "Queries an IEnumerable{T}." said the sequence was queried.
        if (IsLookup(method) && NameOf(method).Words is not ["query" or "search"]
            && !returned.SpecialType.Equals(SpecialType.System_Void) && returned.SpecialType != SpecialType.System_Boolean
            && !(IsTask(returned) && returned is INamedTypeSymbol { TypeArguments.Length: 0 })
            && MethodShape.ReturnedParameter(method, context) is null && !MethodShape.ReturnsThis(context)
            && !(method.IsExtensionMethod && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, returned)))
        {
            return [T(" "), .. TypeWithArticle(returned, context)];
        }

        // Only a method that takes nothing acts on its instance, and not when its body works on something else: a
        // Matchers.Invoke() that forwards to a static Invoke() invokes no matchers.
        return !method.IsStatic && candidates.Count == 0 && method.ContainingType is { } owner && owner.TypeKind != TypeKind.Interface
            && MethodShape.MayActOnInstance(method, context)
            ? [T(" the " + Phrase(Split(owner.Name)))]
            : [];
    }

    // StateConfiguration.InternalTransition(…) returning a StateConfiguration: a configuration's or a builder's chained
    // method named by a noun configures what it names ("Returns a StateConfiguration." said only the type). "Async"
    // inside the name (InternalTransitionAsyncIf) says how the configured action runs, not what is configured.
    private static IReadOnlyList<XmlNodeSyntax>? Configures(IMethodSymbol method, IReadOnlyList<string> words)
    {
        if (IsFunctionWord(words[0]) || words[0] is "must" or "should" or "can" or "may" or "will" or "is" or "has" or "does"
            || method.ContainingType is not { } owner || Split(owner.Name) is not [.., "configuration" or "builder" or "configurator"]
            || !SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, owner.OriginalDefinition))
        {
            return null;
        }

        var named = words.Where(word => word != "async").ToList();
        var candidates = method.Parameters.Where(parameter => parameter.RefKind != RefKind.Out && parameter.Type.Name != nameof(CancellationToken)).ToList();
        return named is [.., "if" or "unless" or "when"]
            ? [T("Configures"), .. Conditional(method, named, candidates), T(".")]
            : IsFunctionWord(named[named.Count - 1]) ? null : [T($"Configures the {Phrase(named)}.")];
    }

    // IgnoreIf(trigger, guard) ignores its trigger when its guard, a predicate, returns true: the condition is the one
    // predicate passed. Without a flag or one predicate the name says only that there is a condition, so the sentence
    // names none (listing every parameter after "if" made the guard's description a condition).
    private static IReadOnlyList<XmlNodeSyntax> Conditional(IMethodSymbol method, IReadOnlyList<string> rest, IReadOnlyList<IParameterSymbol> candidates)
    {
        var word = rest[rest.Count - 1] == "unless" ? "unless" : "if";
        IReadOnlyList<XmlNodeSyntax> lead = rest.Count > 1 ? [T(" the " + string.Join(" ", rest.Take(rest.Count - 1)))]
            : candidates.FirstOrDefault(parameter => !(method.IsExtensionMethod && parameter.Ordinal == 0)) is { } first
                && !IsCallable(first.Type) && !IsQuantity(first.Type) && first.Type.SpecialType != SpecialType.System_String
                ? [T(" "), XmlDoc.ParamRef(first.Name)]
                : [];
        return candidates.Where(parameter => IsPredicate(parameter.Type)).ToList() is [var predicate]
            ? [.. lead, T($" {word} "), XmlDoc.ParamRef(predicate.Name), T(" returns "), XmlDoc.SeeLangword("true")]
            : [.. lead, T($" {word} a condition holds")];
    }

    // Func<bool>, Func<T, Task<bool>>, Predicate<T>: a delegate that answers yes or no.
    private static bool IsPredicate(ITypeSymbol type) =>
        type is INamedTypeSymbol { DelegateInvokeMethod.ReturnType: var answer }
        && (answer.SpecialType == SpecialType.System_Boolean
            || IsTask(answer) && answer is INamedTypeSymbol { TypeArguments: [{ SpecialType: SpecialType.System_Boolean }] });

    // In RequestExceptionHandler.Handle(request, exception, state), "handler" is the agent of "handle" and the word
    // nearest before it that names a parameter ("exception") is what it handles; none when no word names one.
    private static IParameterSymbol? AgentObject(IMethodSymbol method, IReadOnlyList<IParameterSymbol> parameters)
    {
        if (method.ContainingType is not { } owner || NameOf(method).Words is not [var verb] || parameters.Count < 2)
        {
            return null;
        }

        var typeWords = Split(owner.Name);
        if (typeWords.Count < 2 || !IsAgentOf(typeWords[typeWords.Count - 1], verb))
        {
            return null;
        }

        for (var index = typeWords.Count - 2; index >= 0; index--)
        {
            var named = parameters.Where(parameter => Split(parameter.Name) is [.., var last] && last == typeWords[index]).ToList();
            if (named is [var only])
            {
                return only;
            }
        }

        return null;
    }

    // handler, sender, publisher of handle, send, publish; processor, executor, generator of process, execute, generate.
    private static bool IsAgentOf(string noun, string verb) =>
        noun == verb + "er" || noun == verb + "r" || noun == verb + "or" || (verb.EndsWith('e') && noun == verb[..^1] + "or");

    // A reference readers of the documentation can follow: to what they can see, by a name that finds only it.
    private static bool Visible(ISymbol member) =>
        member.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;

    private static bool Binds(ISymbol member, DocContext context) =>
        context.Model.LookupSymbols(context.Position, name: member.Name) is [var only]
        && SymbolEqualityComparer.Default.Equals(only.OriginalDefinition, member.OriginalDefinition);

    // Words that end a name only when what follows them is passed: "containing" T, "matching" the pattern.
    private static bool TakesObject(string word) =>
        word is "containing" or "including" or "excluding" or "matching" or "implementing" or "using" or "via" or "than" or "like";

    // A static's or an extension's subject is what it is passed; an instance converts itself when all it is passed
    // are quantities (AsSpan(start)), not when it is passed something to act on (AsAsyncEnumerable(specification)).
    private static bool ConvertsItsSubject(IMethodSymbol method) =>
        method.IsStatic || method.IsExtensionMethod
        || method.Parameters.All(parameter => parameter.Type.Name == nameof(CancellationToken) || IsQuantity(parameter.Type));

    // Invoke(arg) with arg a plain value invokes whatever arg is given to, not arg: these verbs act on a delegate only.
    private static bool NeedsCallableObject(IMethodSymbol method) => NameOf(method).Words is ["invoke" or "call" or "execute" or "run", ..];

    private static bool IsCallable(ITypeSymbol type) =>
        type.TypeKind == TypeKind.Delegate || type is { Name: "Expression", ContainingNamespace: { Name: "Expressions" } };

    // AsEnumerable returning IEnumerable<T>: the words after "As" are the return type's name (an interface's I dropped).
    private static bool NamesReturnType(IMethodSymbol method, IReadOnlyList<string> rest)
    {
        var name = method.ReturnType.Name;
        if (method.ReturnType.TypeKind == TypeKind.Interface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        return Split(name).SequenceEqual(rest, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsLookup(IMethodSymbol method) =>
        NameOf(method).Words is [var verb] && verb is "find" or "get" or "load" or "fetch" or "retrieve" or "lookup" or "search" or "read" or "resolve" or "locate" or "query";

    private static bool IsQuantity(ITypeSymbol type) =>
        type.SpecialType is >= SpecialType.System_Boolean and <= SpecialType.System_Double || type.TypeKind == TypeKind.Enum
        || type.Name is "TimeSpan" or "DateTime" or "DateTimeOffset";

    private static IEnumerable<XmlNodeSyntax> Joined(IReadOnlyList<XmlNodeSyntax> items)
    {
        for (var index = 0; index < items.Count; index++)
        {
            if (index > 0)
            {
                yield return T(index == items.Count - 1 ? " and " : ", ");
            }

            yield return items[index];
        }
    }

    // "is assignable from" + the parameter it is about.
    private static IEnumerable<XmlNodeSyntax> TrailingParameter(IMethodSymbol method, IReadOnlyList<string> words)
    {
        var others = method.Parameters.Skip(method.IsStatic || method.IsExtensionMethod ? 1 : 0)
            .Where(parameter => parameter.Type.Name != nameof(CancellationToken)).ToList();
        return others.Count == 1 && (IsFunctionWord(words[words.Count - 1]) || words[0] is "contains" || words.Count == 1)
            ? [T(" "), XmlDoc.ParamRef(others[0].Name)]
            : [];
    }

    private static IReadOnlyList<XmlNodeSyntax> Condition(IMethodSymbol method, IReadOnlyList<string> words) => words.FirstOrDefault() switch
    {
        "is" or "has" or "can" or "should" or "contains" or "supports" when words.Count > 1 =>
            [.. Subject(method), T(" " + string.Join(" ", words)), .. TrailingParameter(method, words)],
        "contains" or "equals" or "matches" or "exists" or "starts" or "ends" or "intersects" or "overlaps" or "includes" =>
            [.. Subject(method), T(" " + string.Join(" ", words)), .. TrailingParameter(method, words)],
        _ => [T("the operation succeeded")],
    };

    private static IReadOnlyList<XmlNodeSyntax> ResultNoun(IMethodSymbol method, IReadOnlyList<string> words, ITypeSymbol result, DocContext? context)
    {
        if (words.Count > 1 && words[0] is "get" or "find" or "create" or "compute" or "calculate" or "load" or "read" or "build"
                or "fetch" or "retrieve" or "resolve" or "make" or "generate" or "to" or "select" or "parse" or "open" or "count"
            && !IsFunctionWord(words[1]))
        {
            return [T((words[0] == "create" ? "the new " : "the ") + string.Join(" ", words.Skip(1)))];
        }

        return result.SpecialType == SpecialType.System_Boolean
            ? [T("a "), XmlDoc.SeeLangword("bool"), T(" value")]
            : [T("the resulting "), .. TypeText.Nodes(result, context)];
    }

    /// <summary>"a" or "an" and the type's reference.</summary>
    public static IReadOnlyList<XmlNodeSyntax> TypeWithArticle(ITypeSymbol type, DocContext? context) =>
        type is IArrayTypeSymbol ? TypeText.Nodes(type, context)
        : type is ITypeParameterSymbol
            ? [T("a value of type "), .. TypeText.Nodes(type, context)]
            : [T(Article(type.SpecialType == SpecialType.None ? type.Name : type.ToDisplayString()) + " "), .. TypeText.Nodes(type, context)];

    private static IEnumerable<XmlNodeSyntax> Capitalized(IReadOnlyList<XmlNodeSyntax> nodes) =>
        nodes.Count > 0 && nodes[0] is XmlTextSyntax first && first.TextTokens.Count == 1
            ? [T(Capitalize(first.TextTokens[0].ValueText)), .. nodes.Skip(1)]
            : nodes;

    // Void, or a task without a result: nothing a verb's object could be.
    private static bool ReturnsNothing(IMethodSymbol method) =>
        method.ReturnsVoid || IsTask(method.ReturnType) && method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 0 };

    // Task, ValueTask, IAsyncEnumerable, or any type with GetAwaiter (CommandTask<T>): what "asynchronously" can be said of.
    private static bool IsAwaitable(ITypeSymbol type) =>
        IsTask(type) || type.Name == "IAsyncEnumerable" || type.GetMembers("GetAwaiter").Any(member => member is IMethodSymbol { Parameters.Length: 0 });

    public static bool IsTask(ITypeSymbol type) =>
        type.Name is "Task" or "ValueTask" && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    private static bool IsBoolean(IMethodSymbol method) => method.ReturnType.SpecialType == SpecialType.System_Boolean;

    private static string Phrase(IReadOnlyList<string> words) => string.Join(" ", words);

    private static XmlTextSyntax T(string text) => XmlDoc.Text(text);
}
