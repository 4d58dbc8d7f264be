package duso.runtime.markdown;

import java.util.IdentityHashMap;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Task list items ({@code - [ ] todo}, {@code - [x] done}). The reference recognises the box
 * right after the list marker, before any inline parsing, so this looks at the raw leading
 * text of an item's first paragraph when that paragraph starts on the marker's line, strips
 * the box and remembers the item's state.
 */
final class TaskItems {
    private TaskItems() {}

    /** Items that are tasks, mapped to whether they are checked. */
    static Map<Node, Boolean> mark(Node doc) {
        Map<Node, Boolean> states = new IdentityHashMap<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(ListItem item) {
                check(item, states);
                visitChildren(item);
            }
        });
        return states;
    }

    private static void check(ListItem item, Map<Node, Boolean> states) {
        if (!(item.getFirstChild() instanceof Paragraph para)
                || !(para.getFirstChild() instanceof Text text)
                || item.getSourceSpans().isEmpty() || para.getSourceSpans().isEmpty()
                || item.getSourceSpans().getFirst().getLineIndex()
                        != para.getSourceSpans().getFirst().getLineIndex()) {
            return;
        }
        String s = text.getLiteral();
        if (s.length() < 3 || s.charAt(0) != '[' || s.charAt(2) != ']') {
            return;
        }
        char box = s.charAt(1);
        if (box != ' ' && box != 'x' && box != 'X') {
            return;
        }
        if (s.length() > 3 && s.charAt(3) != ' ' && s.charAt(3) != '\t') {
            return;
        }
        states.put(item, box != ' ');
        String rest = s.substring(3).stripLeading();
        if (!rest.isEmpty()) {
            text.setLiteral(rest);
            return;
        }
        Node next = text.getNext();
        text.unlink();
        if (next instanceof SoftLineBreak) {
            next.unlink();
        }
        if (para.getFirstChild() == null) {
            para.unlink();
        }
    }
}
