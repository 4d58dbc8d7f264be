package duso.runtime.markdown;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * markdown_ansi() and markdown_text(): the reference's terminal layout (blank line after
 * top-level blocks, bullets and numbers indented by list depth, "│ " quote bars, two-space
 * code indent, " │ " table cells) with the theme's codes around each construct; an empty
 * theme gives the plain text of markdown_text().
 */
public final class AnsiOutput {
    private final StringBuilder out = new StringBuilder();
    private final MarkdownParsers.Parsed parsed;
    private final MarkdownTheme theme;
    private int listDepth;

    private AnsiOutput(MarkdownParsers.Parsed parsed, MarkdownTheme theme, int listDepth) {
        this.parsed = parsed;
        this.theme = theme;
        this.listDepth = listDepth;
    }

    public static String render(String source, MarkdownOptions opts, MarkdownTheme theme) {
        opts.smartquotes = false;
        AnsiOutput r = new AnsiOutput(MarkdownParsers.parse(source, opts), theme, 0);
        r.blocks(r.parsed.doc());
        return r.out.toString();
    }

    private void blocks(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            block(n);
        }
    }

    private void blankAtTop() {
        if (listDepth == 0) {
            out.append('\n');
        }
    }

    private void block(Node b) {
        switch (b) {
            case Paragraph p -> {
                inlines(p);
                out.append('\n');
                blankAtTop();
            }
            case Heading h -> {
                out.append(theme.heading(h.getLevel()));
                inlines(h);
                out.append(theme.reset).append("\n\n");
            }
            case BlockQuote q -> quote(q);
            case ListBlock l -> list(l);
            case FencedCodeBlock f -> code(f.getLiteral());
            case IndentedCodeBlock c -> code(c.getLiteral());
            case HtmlBlock h -> { }
            case ThematicBreak t -> out.append(theme.hr).append("---").append(theme.reset).append("\n\n");
            case TableBlock t -> table(t);
            default -> blocks(b);
        }
    }

    private void quote(BlockQuote q) {
        AnsiOutput inner = new AnsiOutput(parsed, theme, listDepth);
        inner.blocks(q);
        String text = stripTrailingNewlines(inner.out.toString());
        for (String line : text.split("\n", -1)) {
            out.append(theme.blockquote).append("│ ").append(line).append(theme.reset).append('\n');
        }
        blankAtTop();
    }

    private void list(ListBlock l) {
        listDepth++;
        int number = 1;
        if (l instanceof OrderedList o && o.getMarkerStartNumber() != null && o.getMarkerStartNumber() != 0) {
            number = o.getMarkerStartNumber();
        }
        String indent = "  ".repeat(listDepth - 1);
        for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
            out.append(indent);
            if (l instanceof OrderedList) {
                out.append(number++).append(". ");
            } else {
                out.append("• ");
            }
            Boolean task = parsed.tasks().get(item);
            if (task != null) {
                out.append(task ? "[x] " : "[ ] ");
            }
            for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph p) {
                    inlines(p);
                    out.append('\n');
                } else {
                    block(c);
                }
            }
        }
        if (listDepth == 1) {
            out.append('\n');
        }
        listDepth--;
    }

    private void code(String literal) {
        out.append(theme.codeBlock);
        for (String line : stripTrailingNewlines(literal).split("\n", -1)) {
            out.append("  ").append(line).append('\n');
        }
        out.append(theme.reset);
        blankAtTop();
    }

    private void table(TableBlock t) {
        boolean first = true;
        for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                boolean styled = first && !theme.h3.isEmpty();
                if (styled) {
                    out.append(theme.h3);
                }
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell != row.getFirstChild()) {
                        out.append(" │ ");
                    }
                    inlines(cell);
                }
                if (styled) {
                    out.append(theme.reset);
                }
                out.append('\n');
                if (first) {
                    out.append(theme.hr).append("─".repeat(40)).append(theme.reset).append('\n');
                    first = false;
                }
            }
        }
        out.append('\n');
    }

    private void inlines(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n);
        }
    }

    private void inline(Node n) {
        switch (n) {
            case Text t -> out.append(t.getLiteral());
            case SoftLineBreak s -> out.append('\n');
            case HardLineBreak h -> out.append('\n');
            case Emphasis e -> wrap(theme.italic, e);
            case StrongEmphasis s -> wrap(theme.bold, s);
            case Strikethrough s -> wrap(theme.strike, s);
            case Highlight h -> wrap(theme.highlight, h);
            case Code c -> out.append(theme.codeInline).append(c.getLiteral()).append(theme.reset);
            case Link l -> {
                if (NodeFacts.isAutolink(l, parsed.source())) {
                    out.append(theme.link).append(NodeFacts.autolinkText(l)).append(theme.reset);
                } else {
                    out.append(theme.link).append('[');
                    inlines(l);
                    out.append(theme.link).append("](").append(l.getDestination()).append(')').append(theme.reset);
                }
            }
            case Image i -> NodeFacts.altText(out, i);
            case HtmlInline h -> { }
            default -> inlines(n);
        }
    }

    private void wrap(String style, Node n) {
        out.append(style);
        inlines(n);
        out.append(theme.reset);
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
