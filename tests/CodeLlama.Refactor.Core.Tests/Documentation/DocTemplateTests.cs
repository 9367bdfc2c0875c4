using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Documentation;

/// <summary>One scenario per member kind: the comment `doc` writes for it, end to end through a real project.</summary>
[Trait("Category", "EndToEnd")]
public sealed class DocTemplateTests(DocumentedKindsFixture fixture) : IClassFixture<DocumentedKindsFixture>
{
    public static TheoryData<string, string, string> Kinds => new()
    {
        { "public class Widget { public Widget(int size) { } }", "Widget(int size)", "/// Initializes a new instance of the <see cref=\"Widget\"/> class." },
        { "public class Widget { public int Size { get; set; } }", "public int Size", "/// Gets or sets the size." },
        { "public class Widget { public bool IsOpen { get; } }", "public bool IsOpen", "/// Gets a value indicating whether this instance is open." },
        { "public class Widget { public event System.EventHandler? Closed; }", "public event", "/// Occurs when closed." },
        { "public class Widget { public System.Threading.Tasks.Task<int> LoadAsync() => System.Threading.Tasks.Task.FromResult(1); }", "LoadAsync()", "/// <returns>A task that represents the asynchronous operation" },
        { "public class Widget { public void Open(string name) { System.ArgumentNullException.ThrowIfNull(name); } }", "public void Open", "/// <exception cref=\"System.ArgumentNullException\">Thrown when <paramref name=\"name\"/> is null.</exception>" },
        { "public class Widget { public void Fail() => throw new System.InvalidOperationException(); }", "public void Fail", "/// <exception cref=\"System.InvalidOperationException\">" },
        { "public class Box<T> { public TOut Map<TOut>(System.Func<T, TOut> map) => map(default!); }", "public TOut Map", "/// <typeparam name=\"TOut\">The type of the value returned.</typeparam>" },
        { "public record Pair(int Left, int Right);", "public record Pair", "/// <param name=\"Right\">The right.</param>" },
        { "public enum Color { Red }", "    Red", "    /// The red value." },
        { "public class Widget { public const int Max = 3; }", "public const int Max", "/// The max constant." },
        { "public class Widget { public int this[int index] => index; }", "public int this", "/// <param name=\"index\">The index of the element to get.</param>" },
        { "public class Widget { public static Widget operator !(Widget w) => w; }", "operator !", "/// Implements the logical not operator." },
        { "public class Widget { public static explicit operator int(Widget w) => 0; }", "explicit operator", "/// Defines an explicit conversion of <see cref=\"Widget\"/> to <see cref=\"int\"/>." },
        { "public static class WidgetExtensions { public static int Twice(this int value) => value * 2; }", "public static int Twice", "/// <param name=\"value\">The value to extend.</param>" },
        { "public static class Guard { public static T Null<T>(T? input, string name) { if (input is null) { throw new System.ArgumentNullException(name); } return input; } }", "public static T Null", "/// Throws <see cref=\"System.ArgumentNullException\"/> when <paramref name=\"input\"/> is null; otherwise returns <paramref name=\"input\"/>." },
        { "public static class Values { public static int None() => 0; }", "public static int None", "/// Returns an <see cref=\"int\"/>." },
        { "public class Label { public Label(string text) { Text = text ?? throw new System.ArgumentNullException(nameof(text)); } public string Text { get; } }", "public Label(string text)", "/// <exception cref=\"System.ArgumentNullException\">Thrown when <paramref name=\"text\"/> is null.</exception>" },
        { "public static class Describer { public static string Describe(int kind) => kind switch { 0 => \"zero\", _ => throw new System.ArgumentOutOfRangeException(nameof(kind)) }; }", "public static string Describe", "/// <exception cref=\"System.ArgumentOutOfRangeException\">Thrown when <paramref name=\"kind\"/> is not one of the values handled.</exception>" },
        { "public class Failing { public void Fail(System.Exception? inner) => throw inner ?? new System.InvalidOperationException(); }", "public void Fail", "/// <exception cref=\"System.InvalidOperationException\">Always thrown.</exception>" },
        { "public static class Check { public static void Name(string name) => System.ArgumentNullException.ThrowIfNull(name); public static void Run(string text) { Name(text); } }", "public static void Run", "/// <exception cref=\"System.ArgumentNullException\">Thrown when <paramref name=\"text\"/> is null.</exception>" },
        { "public class Sized { public void Resize(int width) { System.ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 10); } }", "public void Resize", "/// <exception cref=\"System.ArgumentOutOfRangeException\">Thrown when <paramref name=\"width\"/> is greater than <c>10</c>.</exception>" },
        { "public class Point { public static bool operator ==(Point a, Point b) => true; public static bool operator !=(Point a, Point b) => false; public override bool Equals(object? obj) => true; public override int GetHashCode() => 0; }", "operator ==", "/// Returns a value indicating whether <paramref name=\"a\"/> and <paramref name=\"b\"/> are equal." },
        { "public class Door { public bool IsOpen { get; set; } }", "public bool IsOpen", "/// <value><see langword=\"true\"/> if this instance is open; otherwise, <see langword=\"false\"/>.</value>" },
        { "public delegate int Counter(string text);", "public delegate int Counter", "/// <returns>The <see cref=\"int\"/> the method returns.</returns>" },
        { "public class Bag { public System.Collections.Generic.IEnumerable<int> Items() => []; }", "Items()", "/// Returns an <see cref=\"System.Collections.Generic.IEnumerable{T}\"/>." },
        { "public static class Sequence { public static int Count<T>(System.Collections.Generic.IEnumerable<T> source) => 0; }", "public static int Count", "/// <typeparam name=\"T\">The type of the elements of <paramref name=\"source\"/>.</typeparam>" },
        { "public class Reader { /// <summary>Opens the file for reading.</summary>\n/// <param name=\"path\">The file to read.</param>\n public void Load(string path) { } public void Load(string path, int size) { } }", "public void Load(string path, int size)", "/// Opens the file for reading." },
        { "public class Tagged { /// <summary>Sets the tag.</summary>\n/// <param name=\"tag\">The text shown next to the item.</param>\n public void Tag(string tag) { } } public class Shown { public void Show(string tag) { } }", "public void Show", "/// <param name=\"tag\">The text shown next to the item.</param>" },
        { "public class Handle { public bool TryClose(out int code) { code = 0; return true; } }", "public bool TryClose", "/// Tries to close the handle." },
        { "public class Store { public void Save(bool overwrite) { } }", "public void Save", "/// <param name=\"overwrite\"><see langword=\"true\"/> to overwrite; otherwise, <see langword=\"false\"/>.</param>" },
        { "public class Widget { public override string ToString() => \"\"; }", "public override string ToString", "/// <inheritdoc/>" },
        { "public interface IOpen { /// <summary>Opens.</summary>\n void Open(); }\npublic class Door : IOpen { public void Open() { } }", "public void Open() { }", "/// <inheritdoc/>" },
        // A throw after `if (…) { return …; }` is not always thrown, nor in the overload that delegates to it.
        { EarlyReturn, "public static string Register(string name)", "/// <exception cref=\"System.InvalidOperationException\">Thrown when the operation cannot be performed.</exception>" },
        // A level-named method that logs writes a log event (NLog's and Microsoft.Extensions.Logging's shapes, not only
        // Serilog's); a conditional factory names its flag; event arguments describe their event.
        { "public class Logger { public void Debug(string message) { } }", "public void Debug", "/// Writes a log event at the Debug level." },
        { "public class Log { public void Warn(System.Exception error, string text) => Write(2, text); private void Write(int level, string text) { } }", "public void Warn", "/// Writes a log event at the Warn level with an exception." },
        { "public static class Outcome { public static string FailIf(bool failed, string reason) => failed ? reason : \"\"; }", "public static string FailIf", "/// Fails if <paramref name=\"failed\"/> is <see langword=\"true\"/>." },
        { "public class SavedEventArgs : System.EventArgs { public bool IsManual { get; } }", "public bool IsManual", "/// Gets a value indicating whether the event is manual." },
        { "public class RouteOptions { }\npublic class PipelineBuilder { public RouteOptions RouteTo => new(); }", "public RouteOptions RouteTo", "/// Gets the <see cref=\"RouteOptions\"/> instance." },
        { "public class Box<T> { public static implicit operator Box<object>(Box<T> box) => new(); }", "implicit operator", "/// Defines an implicit conversion of <see cref=\"Box{T}\"/> to <see cref=\"Box{T}\"/> of <see cref=\"object\"/>." },
        { "public class Channel { public System.Threading.Tasks.Task OpenAndCloseAsync() => System.Threading.Tasks.Task.CompletedTask; }", "OpenAndCloseAsync", "/// Opens and closes the channel asynchronously." },
        // A parameter is a verb's object only when it is the one thing passed and not a delegate.
        { "public abstract class Strategy { public abstract void Apply(string services, string descriptor); }", "public abstract void Apply", "/// Applies." },
        { "public static class Decorations { public static bool TryDecorate(this string services, System.Func<string, string> decorator) => decorator(services).Length > 0; }", "public static bool TryDecorate", "/// Tries to decorate." },
        // As* is a conversion only when it returns what its name says.
        { "public interface ILifetime { }\npublic interface ITypes {\n ILifetime AsImplementedInterfaces();\n}", "ILifetime AsImplementedInterfaces", "/// Returns an <see cref=\"ILifetime\"/>." },
        { "public static class Sequences { public static System.Collections.Generic.IEnumerable<int> AsEnumerable(this int[] items) => items; }", "AsEnumerable", "/// Returns <paramref name=\"items\"/> as an enumerable." },
        // No phrase ends on a function word; "the specified" needs a parameter; a flag that is no verb is no noun.
        { "public interface ISelection { }\npublic interface IAssemblies {\n ISelection FromAssemblyOf<T>();\n}", "ISelection FromAssemblyOf", "/// Returns an <see cref=\"ISelection\"/>." },
        { "public interface ILifetimes {\n ILifetimes WithScopedLifetime();\n}", "ILifetimes WithScopedLifetime", "/// Returns an <see cref=\"ILifetimes\"/>." },
        { "public class Classes { public void AddClasses(bool publicOnly) { } }", "public void AddClasses", "/// <param name=\"publicOnly\"><see langword=\"true\"/> for public only; otherwise, <see langword=\"false\"/>.</param>" },
        // Every exception constructor's parameters mean what .NET's own exceptions say they mean.
        { "public class LookupException : System.ArgumentException { public LookupException(string message, string paramName, System.Exception innerException) : base(message, paramName, innerException) { } }", "public LookupException(", "/// <param name=\"message\">The error message that explains the reason for the exception.</param>" },
        { "public class MissingException : System.ArgumentException { public MissingException(string message, string paramName, System.Exception innerException) : base(message, paramName, innerException) { } }", "public MissingException(", "/// <param name=\"paramName\">The name of the parameter that caused the current exception.</param>" },
        { "public class FailedException : System.Exception { public FailedException(string message, System.Exception innerException) : base(message, innerException) { } }", "public FailedException(", "/// <param name=\"innerException\">The exception that is the cause of the current exception, or a null reference if no inner exception is specified.</param>" },
        { "public class Greeter { public Greeter(string message) { } }", "public Greeter(", "/// <param name=\"message\">The message.</param>" },
        // A handler handles what its name says it handles, however many other things are passed.
        { "public interface IRequestExceptionHandler<TRequest> { public void Handle(TRequest request, System.Exception exception, int state); }", "void Handle", "/// Handles <paramref name=\"exception\"/>." },
        { "public interface IPipelineBehavior<TRequest> { public void Handle(TRequest request, System.Action next); }", "void Handle", "/// Handles." },
        // A name that is no verb, on a body that only returns a member: which member, by reference when readers can see it.
        { "public class Shelf { public int Count { get; set; } public int Total() => Count; }", "public int Total", "/// Returns the value of <see cref=\"Count\"/>." },
        { "public class Bag { private readonly int[] _items = [1]; public int[] Items() { return this._items; } }", "public int[] Items", "/// Returns the items." },
        { "public class Stack { public int Head() => System.Environment.ProcessorCount; }", "public int Head", "/// Returns an <see cref=\"int\"/>." },
        // A preposition takes what is passed, not an extension's receiver or a flag.
        { "public static class Sorts { public static System.Collections.Generic.List<int> OrderBy(this System.Collections.Generic.List<int> list, System.Func<int, int> keySelector, bool condition) => list; }", "OrderBy(", "/// Orders by <paramref name=\"keySelector\"/>." },
        // A fluent lookup that returns its receiver finds nothing to name.
        { "public static class Finder { public static System.Text.StringBuilder Search(this System.Text.StringBuilder builder, string term) { builder.Append(term); return builder; } }", "Search(", "/// Searches." },
        { "public static class Lookups { public static System.Text.StringBuilder Search(this System.Text.StringBuilder builder, string term) => Search(builder, term, 1); public static System.Text.StringBuilder Search(this System.Text.StringBuilder builder, string term, int count) { builder.Append(term, 0, count); return builder; } }", "Search(this System.Text.StringBuilder builder, string term) =>", "/// Searches." },
        // An instance's As* that is passed something to act on returns that, not itself.
        { "public interface IRepository { public System.Collections.Generic.IAsyncEnumerable<int> AsAsyncEnumerable(string query); }", "AsAsyncEnumerable(", "/// Returns an <see cref=" },
        // A flag field reads as a flag property does.
        { "public class Chain { public static bool IsDiscarded; }", "IsDiscarded", "/// A value indicating whether <see cref=\"Chain\"/> is discarded." },
        { "public class Door { public bool IsOpen; }", "IsOpen", "/// A value indicating whether this instance is open." },
        // An async method whose name is no verb returns its task's result, asynchronously.
        { "public class Store { public System.Threading.Tasks.Task<int> FirstOrDefaultAsync() => System.Threading.Tasks.Task.FromResult(1); }", "FirstOrDefaultAsync()", "/// Returns an <see cref=\"int\"/> asynchronously." },
        { "public class Queue { public System.Threading.Tasks.Task NextOrNoneAsync() => System.Threading.Tasks.Task.CompletedTask; }", "NextOrNoneAsync()", "/// Performs the next or none operation asynchronously." },
        // An implementation marker is no object: PublishCore publishes, it publishes no core.
        { "public class Bus { public void PublishCore(string topic, int count) { } }", "public void PublishCore", "/// Publishes." },
        // "containing" takes what is passed; with nothing passed, the type argument.
        { "public class Setup { public Setup RegisterServicesFromAssemblyContaining<T>() => this; }", "RegisterServicesFromAssemblyContaining", "/// Registers the services from assembly containing <typeparamref name=\"T\"/>." },
        // A throw helper called under an if is a throw under that if, and nameof(...) passed to it names the parameter.
        { "public static class Lookup { public static string Find(string key, string value) { if (Missing(value)) { Fail.ThrowNull(nameof(value)); } return key + value; } private static bool Missing(string text) => text.Length == 0; } internal static class Fail { public static void ThrowNull(string name) => throw new System.ArgumentNullException(name); }", "public static string Find", "/// <exception cref=\"System.ArgumentNullException\">Thrown when <paramref name=\"value\"/> is null.</exception>" },
        { "public static class Names { public static string Check(string name, int size) { if (size > 10) { Fail.ThrowTooLarge(); } return name; } } internal static class Fail { public static void ThrowTooLarge() { throw new System.InvalidOperationException(); } }", "public static string Check", "/// <exception cref=\"System.InvalidOperationException\">Thrown when <paramref name=\"size\"/> is greater than <c>10</c>.</exception>" },
        // A helper's throws are found once and serve every caller, each with its own argument's name.
        { "public static class Pair { public static void First(string a) { Guard.NotNull(a); } public static void Second(string b) { Guard.NotNull(b); } } internal static class Guard { public static void NotNull(string value) { if (value == null) { throw new System.ArgumentNullException(nameof(value)); } } }", "public static void Second", "/// <exception cref=\"System.ArgumentNullException\">Thrown when <paramref name=\"b\"/> is null.</exception>" },
        // On* passed one delegate it keeps: the delegate runs on that event (a call inside a lambda runs later).
        { "public sealed class RetryBuilder { public System.Collections.Generic.List<System.Action<System.Exception, int>> Handlers { get; } = new(); public RetryBuilder OnRetry(System.Action<System.Exception, int> onRetry) { Handlers.Add(onRetry); return this; } }", "public RetryBuilder OnRetry", "/// Specifies <paramref name=\"onRetry\"/> to run on retry." },
        { "public sealed class Job { public Job OnCompletionOf(Job other, System.Action callback) => this; }", "OnCompletionOf", "/// Specifies <paramref name=\"callback\"/> to run on completion of <paramref name=\"other\"/>." },
        { "public sealed class Door { public Door OnOpen(System.Action action) => OnOpen(_ => action()); public Door OnOpen(System.Action<int> action) => this; }", "OnOpen(System.Action action)", "/// Specifies <paramref name=\"action\"/> to run on open." },
        // XIf passed one predicate is conditional on it; with none to name, on a condition.
        { "public sealed class Pipeline { public Pipeline RetryIf(string operation, System.Func<System.Exception, bool> predicate) => this; }", "RetryIf", "/// Retries if <paramref name=\"predicate\"/> returns <see langword=\"true\"/>." },
        { "public sealed class Stage { } public sealed class Plan { public Plan SkipIf(Stage stage, params System.Func<bool>[] checks) => this; }", "SkipIf", "/// Skips <paramref name=\"stage\"/> if a condition holds." },
        // An extension's comparer is what its verb works with; the receiver is what it acts on.
        { "public static class ListSorting { public static System.Collections.Generic.List<int> Sort(this System.Collections.Generic.List<int> items, System.Collections.Generic.IComparer<int> comparer) { items.Sort(comparer); return items; } }", "public static System.Collections.Generic.List<int> Sort", "/// Sorts <paramref name=\"items\"/> using <paramref name=\"comparer\"/>." },
        { "public sealed class Plugin { public void Deactivate() { } }", "public void Deactivate", "/// Deactivates the plugin." },
        { "public static class Sorting { public static bool TrySort(this System.Collections.Generic.List<string> names, System.Collections.Generic.IComparer<string> comparer) { names.Sort(comparer); return true; } }", "TrySort", "/// Tries to sort <paramref name=\"names\"/> using <paramref name=\"comparer\"/>." },
        // A configuration's chained method named by a noun configures what it names.
        { "public sealed class ServerConfiguration { public ServerConfiguration Endpoint(string url) => this; public ServerConfiguration CompressionIf(System.Func<string, bool> predicate) => this; }", "Endpoint(", "/// Configures the endpoint." },
        { "public sealed class ServerConfiguration { public ServerConfiguration Endpoint(string url) => this; public ServerConfiguration CompressionIf(System.Func<string, bool> predicate) => this; }", "CompressionIf(", "/// Configures the compression if <paramref name=\"predicate\"/> returns <see langword=\"true\"/>." },
        // A method acts on its instance only when its body touches it; an array is "an array of", not "a value of type".
        { "public sealed class Tape { private int _position; public bool Read() => ++_position < 10; }", "public bool Read", "/// Reads the tape." },
        { "public sealed class Probe { public System.Action Invoke() => Probes.Invoke(); } public static class Probes { public static System.Action Invoke() => () => { }; }", "public System.Action Invoke() => Probes", "/// Invokes." },
        { "public sealed class Grid { public string[] Cells() => []; }", "public string[] Cells", "/// Returns an array of <see cref=\"string\"/>." },
        // A char is the character its name says; a Boolean with "is" inside its name is a clause with its own subject.
        { "public sealed class Tokenizer { public char Separator { get; set; } }", "public char Separator", "/// Gets or sets the separator character." },
        { "public sealed class ImportSettings { public bool TrailingCommaIsError { get; set; } }", "public bool TrailingCommaIsError", "/// Gets or sets a value indicating whether trailing comma is error." },
        // The arguments of a delegate beside them are its data; a flags member made of others is their combination.
        { "public delegate void RowSkipped(RowSkippedArgs args); public readonly struct RowSkippedArgs { }", "public readonly struct RowSkippedArgs", "/// Provides data for the <see cref=\"RowSkipped\"/> delegate." },
        { "[System.Flags]\npublic enum Parts\n{\n    Head = 1,\n    Tail = 2,\n    Both = Head | Tail,\n}", "Both = Head", "/// The combination of <see cref=\"Head\"/> and <see cref=\"Tail\"/>." },
        // A stub's setup named in the third person specifies what the call will do; a Boolean in the third person asks.
        { "public sealed class Reply { } public sealed class StubCall { public Reply Returns(int result) => new(); }", "public Reply Returns", "/// Specifies <paramref name=\"result\"/> as the value to return." },
        { "public sealed class Reply { } public static class StubFailures { public static Reply ThrowsForAnyInput<TError>(this Reply reply) where TError : System.Exception, new() => reply; }", "ThrowsForAnyInput", "/// Specifies an exception of type <typeparamref name=\"TError\"/> as the exception to throw for any input." },
        { "public sealed class Reply { } public sealed class StubCall { public Reply ReturnsNull() => new(); }", "ReturnsNull", "/// Specifies <see langword=\"null\"/> as the value to return." },
        { "public sealed class Reply { } public sealed class StubCall { public Reply Throws(System.Func<int, System.Exception> failure) => Later(_ => throw failure(0)); private Reply Later(System.Action<int> run) => new(); }", "public Reply Throws", "/// Specifies the exception to throw, as <paramref name=\"failure\"/> computes it." },
        { "public abstract class Range { public abstract bool Matches(int value); }", "bool Matches", "/// Determines whether this instance matches <paramref name=\"value\"/>." },
        // A word that is a noun as often as a verb, before words that name nothing passed, says only what is returned
        // (a mail API's TrackNumber(parcel) tracks no number); with a plural after it, or nothing returned, it acts.
        { "public sealed class Parcel { } public static class Shipping { public static string TrackNumber(Parcel parcel) => \"\"; }", "TrackNumber", "/// Returns a <see cref=\"string\"/>." },
        { "public sealed class Inbox { public System.Collections.Generic.List<int> SortMessages() => []; }", "SortMessages", "/// Sorts the messages." },
        // A verb after the verb says how (System.IO's FileInfo.OpenWrite()): the first acts on what is returned.
        { "public sealed class Entry { public System.IO.Stream OpenWrite() => System.IO.Stream.Null; }", "OpenWrite", "/// Opens a <see cref=\"System.IO.Stream\"/>." },
        // A filter picks what the verb acts on (a document store's DeleteMany(filter), Count(predicate)); it is not acted on.
        { "public sealed class Orders<T> { public long DeleteMany(System.Linq.Expressions.Expression<System.Func<T, bool>> filter) => 0; }", "DeleteMany", "/// Deletes many." },
        { "public sealed class Orders<T> { public int Count(System.Func<T, bool> predicate) => 0; }", "public int Count", "/// Counts." },
        // Exists asks about what matches a filter, or about what the words before it name (an object store's BucketExists).
        { "public interface IRepository<T> { bool Exists(System.Linq.Expressions.Expression<System.Func<T, bool>> where); }", "bool Exists", "/// Determines whether anything matching <paramref name=\"where\"/> exists." },
        { "public interface IObjectStore { System.Threading.Tasks.Task<bool> BucketExistsAsync(string bucketName); bool BucketExists(string bucketName); }", "bool BucketExists", "/// Determines whether the bucket exists." },
        // An optional parameter tunes the call: a preposition takes what must be passed (Random-like NextBetween).
        { "public sealed class Dice { public int RollBetween(int low, int high, string? label = null) => low; }", "RollBetween", "/// Rolls between <paramref name=\"low\"/> and <paramref name=\"high\"/>." },
        // "Many" and "one" say how many, not what (a document database driver's UpdateMany(update, filter), InsertOne(document)).
        { "public sealed class Documents<T> { public long UpdateMany(System.Func<T, T> update, System.Func<T, bool> filter) => 0; }", "UpdateMany", "/// Updates many." },
        { "public sealed class Documents<T> { public void InsertOne(T document) { } }", "InsertOne", "/// Inserts one." },
        // Neither an optional setting nor a key selector is what the verb acts on (a settings store, an ORM's Include).
        { "public sealed class Settings { public bool Save(string? path = null) => path is null; }", "public bool Save", "/// Saves." },
        { "public sealed class FieldPath { } public sealed class SearchQuery { public SearchQuery Include(FieldPath fieldSelector) => this; }", "Include(", "/// Includes." },
        // An instance's Exists(path) asks about what it is passed (a file system abstraction's IFile.Exists(path)).
        { "public sealed class BlobStore { public bool Exists(string path) => path.Length > 0; }", "public bool Exists", "/// Determines whether <paramref name=\"path\"/> exists." },
        // A word of manner says how the verb acts (a sampling API's ChooseRandom(items), a series' ComputeLazy()).
        { "public static class Sampler { public static T ChooseRandom<T>(params T[] choices) => choices[0]; }", "ChooseRandom", "/// Chooses <paramref name=\"choices\"/> at random." },
        { "public sealed class Series { public System.Collections.Generic.IEnumerable<int> ComputeLazy(int count) => []; }", "ComputeLazy", "/// Computes lazily." },
        // An interface named by what an implementer has, can do or is aware of (a DI container's IHasServiceProvider).
        { "public interface IHasServiceProvider { }", "public interface IHasServiceProvider", "/// Defines an object that has a service provider." },
        { "public interface ITenantAware { }", "public interface ITenantAware", "/// Defines an object that is tenant aware." },
        // A postal API's ZipCode() is a code, not a verb on one.
        { "public sealed class PostalAddress { public string ZipCode() => \"\"; }", "ZipCode", "/// Returns a <see cref=\"string\"/>." },
        // Rx's Observable.Return(value) returns a sequence, not its value; a body that returns its parameter does.
        { "public static class Observables { public static System.IObservable<T> Return<T>(T value) => null!; }", "Return<T>", "/// Returns an <see cref=\"System.IObservable{T}\"/>." },
        // An extension's count is a setting, not what is repeated; a static operator's sequence is what "by" works on.
        { "public static class Sequences { public static System.Collections.Generic.IEnumerable<T> Repeat<T>(this System.Collections.Generic.IEnumerable<T> source, int count) => source; }", "Repeat<T>", "/// Repeats." },
        { "public static class Totals { public static System.Collections.Generic.IEnumerable<int> SumBy<T>(System.Collections.Generic.IEnumerable<T> items, System.Func<T, int> selector) => []; }", "SumBy<T>", "/// Sums by <paramref name=\"selector\"/>." },
        // "Pre" and "post" before a verb of a stage make one verb (a view engine's PostRender(context)); PostMessage posts.
        { "public sealed class ViewContext { } public sealed class Page { public void PostRender(ViewContext context) { } }", "PostRender", "/// Post-renders <paramref name=\"context\"/>." },
        { "public sealed class Channel { public void PostMessage(string message) { } }", "PostMessage", "/// Posts the message." },
        // "Lowercase" says how a comparison is made (a header table's CompareLowercase(name)), not what is compared.
        { "public sealed class HeaderName { public int CompareLowercase(string name) => name.Length; }", "CompareLowercase", "/// Compares <paramref name=\"name\"/> in lower case." },
        // The article goes with the keyword shown: "a long", not "an long" (from Int64).
        { "public sealed class Disk { public long Capacity() => System.Environment.TickCount64; }", "public long Capacity", "/// Returns a <see cref=\"long\"/>." },
        // A verb of running acts on the one delegate passed; a delegate property named On and an event runs on it; the
        // arguments of a callback run on an event are that event's data.
        { "public sealed class JobRunner { public int Run(System.Func<string, int> work, string name, int attempts) => work(name) + attempts; }", "public int Run", "/// Runs <paramref name=\"work\"/>." },
        { "public sealed class UploadOptions { public System.Func<UploadFailedArguments, System.Threading.Tasks.Task>? OnUploadFailed { get; set; } } public readonly struct UploadFailedArguments { }", "OnUploadFailed", "/// Gets or sets the delegate to run on upload failed." },
        { "public readonly struct OnConnectionLostArguments { public int Attempt { get; } }", "public readonly struct OnConnectionLostArguments", "/// Provides data for the connection lost event." },
        // What running yields is no thing run; a query's result is no thing queried.
        { "public sealed class Cursor { } public sealed class Database { public System.Threading.Tasks.Task<Cursor> ExecuteCursorAsync(string statement) => System.Threading.Tasks.Task.FromResult(new Cursor()); public long ExecuteScalar(string statement) => 0; }", "ExecuteCursorAsync", "/// Executes and returns a <see cref=\"Cursor\"/> asynchronously." },
        { "public sealed class Cursor { } public sealed class Database { public System.Threading.Tasks.Task<Cursor> ExecuteCursorAsync(string statement) => System.Threading.Tasks.Task.FromResult(new Cursor()); public long ExecuteScalar(string statement) => 0; }", "ExecuteScalar", "/// Executes and returns a single value." },
        // "Auto" is how its verb acts; a parameter is no object it names.
        { "public sealed class SchemaReader { public void AutoDetectColumns(System.Globalization.CultureInfo culture) { } public void AutoLoad(string path) { } }", "AutoDetectColumns", "/// Automatically detects the columns." },
        { "public sealed class SchemaReader { public void AutoDetectColumns(System.Globalization.CultureInfo culture) { } public void AutoLoad(string path) { } }", "AutoLoad", "/// Automatically loads." },
    };

    /// <summary>Snippets whose member's comment must not say a text: a claim the code does not support.</summary>
    public static TheoryData<string, string, string> Unclaimed => new()
    {
        // A method that calls the delegate it is passed raises its event; it does not keep the delegate for later.
        { "public sealed class Model { public void OnChanged(System.Action notify) { notify(); } }", "public void OnChanged", "Specifies" },
        // A name ending in Async on a method that returns no awaitable: its delegate is asynchronous, the method is not.
        { "public sealed class Policy { public Policy FallbackAsync(System.Func<System.Threading.Tasks.Task> fallback) => this; }", "FallbackAsync", "asynchronously" },
        // A modal is no noun: a builder's MustAsync configures no "must".
        { "public sealed class RuleBuilder { public RuleBuilder MustAsync(System.Func<int, System.Threading.Tasks.Task<bool>> predicate) => this; }", "MustAsync", "Configures" },
        // Read() returning a flag reads no flag; Invoke(value) passes value to what it invokes, it does not invoke it.
        { "public interface IRecordSource { bool Read(); }", "bool Read", "cref=\"bool\"" },
        { "public static class Store { public static System.Collections.Generic.List<int> Query(this System.Data.IDbConnection connection, string sql) => []; }", "List<int> Query", "Queries a" },
        // A Throws() that throws now is no setup.
        { "public static class Require { public static void Throws(bool failed) { if (failed) { throw new System.InvalidOperationException(); } } }", "public static void Throws", "Specifies" },
        { "public static class Matchers { public static System.Action<T> Invoke<T>(T value) => _ => { }; }", "Invoke<T>", "/// Invokes <paramref" },
    };

    public const string EarlyReturn = "public static class Registry { public static bool TryRegister(string name) => name.Length > 1; public static string Register(string name) { if (TryRegister(name)) { return name; } throw new System.InvalidOperationException(); } public static string Register(string name, int count) => Register(name + count); }";

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MemberKind_GetsItsConventionalComment(string source, string declaration, string expectedLine)
    {
        var lines = File.ReadAllLines(fixture.FileFor(source));
        var at = Array.FindIndex(lines, line => line.Contains(declaration, StringComparison.Ordinal));
        var comment = lines[..at].Reverse().TakeWhile(line => line.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToList();

        Assert.Contains(comment, line => line.Trim().StartsWith(expectedLine.Trim(), StringComparison.Ordinal));
        Assert.Empty(fixture.Result.Remaining);
    }

    [Theory]
    [MemberData(nameof(Unclaimed))]
    public void MemberKind_ClaimsNothingItsCodeDoesNotShow(string source, string declaration, string unsupported)
    {
        var lines = File.ReadAllLines(fixture.FileFor(source));
        var at = Array.FindIndex(lines, line => line.Contains(declaration, StringComparison.Ordinal));
        var comment = lines[..at].Reverse().TakeWhile(line => line.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(comment);
        Assert.DoesNotContain(comment, line => line.Contains(unsupported, StringComparison.Ordinal));
    }

    [Fact]
    public void ThrowAfterAnEarlyReturn_IsNeverCalledAlwaysThrown()
    {
        var text = File.ReadAllText(fixture.FileFor(DocTemplateTests.EarlyReturn));

        // Both overloads may throw it, the one that delegates too; neither always does.
        Assert.Equal(2, text.Split("<exception cref=\"System.InvalidOperationException\">Thrown when the operation cannot be performed.").Length - 1);
        Assert.DoesNotContain("Always thrown", text, StringComparison.Ordinal);
    }
}

/// <summary>Documents one project holding every snippet (one file and namespace each) once for all the cases.</summary>
public sealed class DocumentedKindsFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("doc-kinds-").FullName;
    private readonly Dictionary<string, string> files = [];

    public DocResult Result { get; private set; } = null!;

    public string FileFor(string source) => files[source];

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(folder, "Kinds.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup></Project>");
        var index = 0;
        foreach (var source in DocTemplateTests.Kinds.Concat(DocTemplateTests.Unclaimed).Select(row => (string)row[0]))
        {
            var file = Path.Combine(folder, $"Code{index}.cs");
            File.WriteAllText(file, $"namespace Kinds{index++};\n\n{OneMemberPerLine(source)}\n");
            files[source] = file;
        }

        Result = await DocPipeline.RunAsync(SolutionPath.Resolve(folder), new DocOptions());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    // Each member on its own line, as code is written; a declaration sharing its line is left alone by design.
    private static string OneMemberPerLine(string source) =>
        source.Replace("{ public", "{\n    public", StringComparison.Ordinal)
            .Replace("{ /// ", "{\n    /// ", StringComparison.Ordinal)
            .Replace("{ Red }", "{\n    Red\n}", StringComparison.Ordinal)
            .Replace("; public", ";\n    public", StringComparison.Ordinal)
            .Replace("} public", "}\n    public", StringComparison.Ordinal)
            .Replace("; }", ";\n}", StringComparison.Ordinal)
            .Replace("{ } }", "{ }\n}", StringComparison.Ordinal);
}
