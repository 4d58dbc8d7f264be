package duso.runtime.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Builds (once per extension combination) the commonmark-java parsers. Source spans are
 * kept because heading ids are made from the heading's raw text and autolinks must be told
 * apart from ordinary links, as the reference's own parser does.
 */
final class MarkdownParsers {
    private static final ConcurrentHashMap<Integer, Parser> PARSERS = new ConcurrentHashMap<>();

    private MarkdownParsers() {}

    /** A parsed document with what the renderers need beside the tree. */
    record Parsed(Node doc, String source, Map<Node, Boolean> tasks) {}

    static Parsed parse(String source, MarkdownOptions opts) {
        Parser parser = PARSERS.computeIfAbsent(opts.parserKey(), k -> build(opts));
        Node doc = parser.parse(source);
        Map<Node, Boolean> tasks = opts.tasklists ? TaskItems.mark(doc) : Map.of();
        return new Parsed(doc, source, tasks);
    }

    private static Parser build(MarkdownOptions opts) {
        List<Extension> extensions = new ArrayList<>();
        if (opts.tables) {
            extensions.add(TablesExtension.create());
        }
        if (opts.strikethrough) {
            extensions.add(StrikethroughExtension.builder().requireTwoTildes(true).build());
        }
        Parser.Builder b = Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES);
        if (opts.highlight) {
            b.customDelimiterProcessor(new Highlight.Delimiters());
        }
        return b.build();
    }
}
