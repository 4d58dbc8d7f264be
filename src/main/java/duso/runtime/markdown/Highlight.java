package duso.runtime.markdown;

import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.delimiter.DelimiterProcessor;
import org.commonmark.parser.delimiter.DelimiterRun;

/**
 * The reference's {@code ==marked==} extension, which commonmark-java lacks: a node plus the
 * delimiter rule that pairs exactly-two-character runs of '=' like strikethrough does.
 */
public final class Highlight extends CustomNode {

    /** Pairs {@code ==} runs; longer or shorter runs stay literal text. */
    static final class Delimiters implements DelimiterProcessor {
        @Override
        public char getOpeningCharacter() {
            return '=';
        }

        @Override
        public char getClosingCharacter() {
            return '=';
        }

        @Override
        public int getMinLength() {
            return 2;
        }

        @Override
        public int process(DelimiterRun opener, DelimiterRun closer) {
            if (opener.originalLength() != 2 || closer.originalLength() != 2) {
                return 0;
            }
            Text open = opener.getOpener();
            Highlight mark = new Highlight();
            Node n = open.getNext();
            while (n != null && n != closer.getCloser()) {
                Node next = n.getNext();
                mark.appendChild(n);
                n = next;
            }
            open.insertAfter(mark);
            return 2;
        }
    }
}
