using System.Globalization;
using System.Text;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>A parsed ARM template language expression ("[func('a', parameters('b')).prop]").</summary>
internal abstract record ArmNode(string Source);

internal sealed record ArmString(string Value, string Source) : ArmNode(Source);

internal sealed record ArmNumber(long Value, string Source) : ArmNode(Source);

internal sealed record ArmCall(string Name, IReadOnlyList<ArmNode> Arguments, string Source) : ArmNode(Source);

internal sealed record ArmProperty(ArmNode Target, string Name, string Source) : ArmNode(Source);

internal sealed record ArmIndex(ArmNode Target, ArmNode Index, string Source) : ArmNode(Source);

/// <summary>Minimal parser of ARM expressions: enough to read what Bicep compiles to.</summary>
internal static class ArmExpression
{
    /// <summary>True when <paramref name="value"/> is an expression ("[...]", not an escaped "[[").</summary>
    public static bool IsExpression(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' && !value.StartsWith("[[", StringComparison.Ordinal);

    public static ArmNode Parse(string expression)
    {
        if (!IsExpression(expression))
        {
            throw new FormatException($"Not an ARM expression: {expression}");
        }

        var parser = new Parser(expression[1..^1]);
        var node = parser.ParseExpression();
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Unexpected text at {parser.Position} in {expression}");
        }

        return node;
    }

    private sealed class Parser(string text)
    {
        private int position;

        public int Position => position;

        public bool AtEnd => position >= text.Length;

        public void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        public ArmNode ParseExpression()
        {
            SkipWhitespace();
            var start = position;
            ArmNode node = Peek() switch
            {
                '\'' => ParseString(),
                var c when char.IsDigit(c) || c == '-' => ParseNumber(),
                _ => ParseCall(),
            };

            while (true)
            {
                SkipWhitespace();
                if (Peek() == '.')
                {
                    position++;
                    var name = ParseIdentifier();
                    node = new ArmProperty(node, name, text[start..position]);
                }
                else if (Peek() == '[')
                {
                    position++;
                    var index = ParseExpression();
                    Expect(']');
                    node = new ArmIndex(node, index, text[start..position]);
                }
                else
                {
                    return node;
                }
            }
        }

        private char Peek() => AtEnd ? '\0' : text[position];

        private void Expect(char expected)
        {
            SkipWhitespace();
            if (Peek() != expected)
            {
                throw new FormatException($"Expected '{expected}' at {position} in [{text}]");
            }

            position++;
        }

        private ArmString ParseString()
        {
            var start = position;
            position++; // opening quote
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException($"Unterminated string in [{text}]");
                }

                var c = text[position++];
                if (c == '\'')
                {
                    if (Peek() == '\'')
                    {
                        builder.Append('\'');
                        position++;
                        continue;
                    }

                    return new ArmString(builder.ToString(), text[start..position]);
                }

                builder.Append(c);
            }
        }

        private ArmNumber ParseNumber()
        {
            var start = position;
            position++;
            while (!AtEnd && char.IsDigit(text[position]))
            {
                position++;
            }

            return new ArmNumber(long.Parse(text[start..position], CultureInfo.InvariantCulture), text[start..position]);
        }

        private ArmCall ParseCall()
        {
            var start = position;
            var name = ParseIdentifier();
            Expect('(');
            var arguments = new List<ArmNode>();
            SkipWhitespace();
            if (Peek() == ')')
            {
                position++;
                return new ArmCall(name, arguments, text[start..position]);
            }

            while (true)
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
                if (Peek() == ',')
                {
                    position++;
                    continue;
                }

                Expect(')');
                return new ArmCall(name, arguments, text[start..position]);
            }
        }

        private string ParseIdentifier()
        {
            SkipWhitespace();
            var start = position;
            while (!AtEnd && (char.IsLetterOrDigit(text[position]) || text[position] == '_' || text[position] == '$'))
            {
                position++;
            }

            if (start == position)
            {
                throw new FormatException($"Expected an identifier at {position} in [{text}]");
            }

            return text[start..position];
        }
    }
}
