package duso.runtime.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
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
 * markdown_html(): writes the reference's HTML shape (newline placement, heading ids,
 * task boxes, code language and line-highlight attributes, table alignment attributes,
 * its URL encoding and smart quotes) from a commonmark-java tree.
 */
public final class HtmlOutput {
    private static final Pattern LANG = Pattern.compile("^([^\\t\\n\\f\\r \\[]+)");
    private static final Pattern LINE_HIGHLIGHT = Pattern.compile("\\[([0-9,\\-\\t\\n\\f\\r ]+)\\]");
    private static final Pattern WHITESPACE = Pattern.compile("[\\t\\n\\f\\r ]+");

    private final StringBuilder out = new StringBuilder();
    private final MarkdownParsers.Parsed parsed;
    private final MarkdownOptions opts;

    private HtmlOutput(MarkdownParsers.Parsed parsed, MarkdownOptions opts) {
        this.parsed = parsed;
        this.opts = opts;
    }

    public static String render(String source, MarkdownOptions opts) {
        HtmlOutput r = new HtmlOutput(MarkdownParsers.parse(source, opts), opts);
        r.out.ensureCapacity(source.length() + source.length() / 4);
        r.blocks(r.parsed.doc());
        return r.out.toString();
    }

    private void blocks(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            block(n);
        }
    }

    private void block(Node b) {
        switch (b) {
            case Paragraph p -> {
                out.append("<p>");
                inlines(p);
                out.append("</p>\n");
            }
            case Heading h -> heading(h);
            case BlockQuote q -> {
                out.append("<blockquote>\n");
                blocks(q);
                out.append("</blockquote>\n");
            }
            case ListBlock l -> list(l);
            case FencedCodeBlock f -> code(f.getInfo(), f.getLiteral());
            case IndentedCodeBlock c -> code("", c.getLiteral());
            case HtmlBlock h -> out.append(h.getLiteral()).append('\n');
            case ThematicBreak t -> out.append("<hr />\n");
            case TableBlock t -> table(t);
            default -> blocks(b);
        }
    }

    private void heading(Heading h) {
        out.append("<h").append(h.getLevel());
        if (opts.headingIds) {
            String id = HeadingIds.id(h, parsed.source());
            if (!id.isEmpty()) {
                out.append(" id=\"");
                HtmlText.escape(out, id);
                out.append('"');
            }
        }
        out.append('>');
        inlines(h);
        out.append("</h").append(h.getLevel()).append(">\n");
    }

    private void list(ListBlock l) {
        String tag = l instanceof OrderedList ? "ol" : "ul";
        out.append('<').append(tag);
        if (l instanceof OrderedList o && o.getMarkerStartNumber() != null && o.getMarkerStartNumber() != 1) {
            out.append(" start=\"").append(o.getMarkerStartNumber().intValue()).append('"');
        }
        out.append(">\n");
        for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
            listItem(item, l.isTight());
        }
        out.append("</").append(tag).append(">\n");
    }

    private void listItem(Node item, boolean tight) {
        out.append("<li>");
        Boolean task = parsed.tasks().get(item);
        if (task != null) {
            out.append(task ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                    : "<input type=\"checkbox\" disabled=\"\" /> ");
        }
        if (tight) {
            for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph p) {
                    inlines(p);
                    if (c.getNext() != null) {
                        out.append('\n');
                    }
                    continue;
                }
                if (c == item.getFirstChild()) {
                    out.append('\n');
                }
                block(c);
            }
        } else if (item.getFirstChild() != null) {
            out.append('\n');
            blocks(item);
        }
        out.append("</li>\n");
    }

    private void code(String info, String literal) {
        String lang = "";
        String lines = "";
        if (!info.isEmpty() && opts.codeLanguage) {
            Matcher m = LANG.matcher(info);
            if (m.find()) {
                lang = m.group(1);
            }
            Matcher hl = LINE_HIGHLIGHT.matcher(info);
            if (hl.find()) {
                lines = WHITESPACE.matcher(hl.group(1)).replaceAll("");
            }
        }
        out.append("<pre");
        if (!lines.isEmpty()) {
            out.append(" data-line=\"");
            HtmlText.escape(out, lines);
            out.append('"');
        }
        out.append("><code");
        if (!lang.isEmpty()) {
            out.append(" class=\"language-");
            HtmlText.escape(out, lang);
            out.append('"');
        }
        out.append('>');
        HtmlText.escape(out, literal);
        out.append("</code></pre>\n");
    }

    private void table(TableBlock t) {
        out.append("<table>\n");
        for (Node part = t.getFirstChild(); part != null; part = part.getNext()) {
            boolean head = part instanceof TableHead;
            if (!head && !(part instanceof TableBody && part.getFirstChild() != null)) {
                continue;
            }
            out.append(head ? "<thead>\n" : "<tbody>\n");
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                out.append("<tr>\n");
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    String tag = head ? "th" : "td";
                    out.append('<').append(tag);
                    if (cell instanceof TableCell c && c.getAlignment() != null) {
                        out.append(switch (c.getAlignment()) {
                            case LEFT -> " align=\"left\"";
                            case CENTER -> " align=\"center\"";
                            case RIGHT -> " align=\"right\"";
                        });
                    }
                    out.append('>');
                    inlines(cell);
                    out.append("</").append(tag).append(">\n");
                }
                out.append("</tr>\n");
            }
            out.append(head ? "</thead>\n" : "</tbody>\n");
        }
        out.append("</table>\n");
    }

    private void inlines(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n);
        }
    }

    private void inline(Node n) {
        switch (n) {
            case Text t -> HtmlText.escape(out, opts.smartquotes ? SmartQuotes.apply(t.getLiteral()) : t.getLiteral());
            case SoftLineBreak s -> out.append('\n');
            case HardLineBreak h -> out.append("<br />\n");
            case Emphasis e -> wrap("<em>", e, "</em>");
            case StrongEmphasis s -> wrap("<strong>", s, "</strong>");
            case Strikethrough s -> wrap("<del>", s, "</del>");
            case Highlight h -> wrap("<mark>", h, "</mark>");
            case Code c -> {
                out.append("<code>");
                HtmlText.escape(out, c.getLiteral());
                out.append("</code>");
            }
            case Link l -> link(l);
            case Image i -> {
                out.append("<img src=\"");
                HtmlText.encodeUrl(out, i.getDestination());
                out.append("\" alt=\"");
                StringBuilder alt = new StringBuilder();
                NodeFacts.altText(alt, i);
                HtmlText.escape(out, alt.toString());
                out.append('"');
                title(i.getTitle());
                out.append(" />");
            }
            case HtmlInline h -> out.append(h.getLiteral());
            default -> inlines(n);
        }
    }

    private void link(Link l) {
        out.append("<a href=\"");
        HtmlText.encodeUrl(out, l.getDestination());
        out.append('"');
        if (NodeFacts.isAutolink(l, parsed.source())) {
            out.append('>');
            HtmlText.escape(out, NodeFacts.autolinkText(l));
        } else {
            title(l.getTitle());
            out.append('>');
            inlines(l);
        }
        out.append("</a>");
    }

    private void title(String title) {
        if (title != null && !title.isEmpty()) {
            out.append(" title=\"");
            HtmlText.escape(out, title);
            out.append('"');
        }
    }

    private void wrap(String open, Node n, String close) {
        out.append(open);
        inlines(n);
        out.append(close);
    }
}
