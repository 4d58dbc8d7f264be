package duso.runtime.markdown;

import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/** Questions both renderers ask of the commonmark-java tree in the reference's terms. */
final class NodeFacts {
    private NodeFacts() {}

    /** An {@code <url>} autolink, which the reference renders unlike a written link. */
    static boolean isAutolink(Link link, String source) {
        if (link.getSourceSpans().isEmpty()) {
            return false;
        }
        int at = link.getSourceSpans().getFirst().getInputIndex();
        return at < source.length() && source.charAt(at) == '<';
    }

    /** The literal text of an autolink (its only child). */
    static String autolinkText(Link link) {
        return link.getFirstChild() instanceof Text t ? t.getLiteral() : link.getDestination();
    }

    /** Image alt text: text and code literally, breaks as spaces, raw HTML dropped. */
    static void altText(StringBuilder out, Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            switch (n) {
                case Text t -> out.append(t.getLiteral());
                case Code c -> out.append(c.getLiteral());
                case SoftLineBreak s -> out.append(' ');
                case HardLineBreak h -> out.append(' ');
                default -> altText(out, n);
            }
        }
    }
}
