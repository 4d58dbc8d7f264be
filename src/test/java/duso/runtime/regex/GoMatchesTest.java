package duso.runtime.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's FindAll iteration, which differs from Java's find() loop on empty matches. */
class GoMatchesTest {

    private static List<String> spans(GoMatches m) {
        List<String> out = new ArrayList<>();
        while (m.next()) {
            out.add(m.start() + "-" + m.end() + "@" + m.runeStart() + "+" + m.runeLength());
        }
        return out;
    }

    @Test
    void emptyMatchRightAfterAMatchIsSkipped() {
        assertEquals(List.of("0-0@0+0", "1-4@1+3", "5-5@5+0"), spans(new GoMatches(Pattern.compile("a*"), "baaac")));
    }

    @Test
    void emptyPatternMatchesBetweenRunesNotBetweenSurrogates() {
        assertEquals(List.of("0-0@0+0", "2-2@1+0", "3-3@2+0"), spans(new GoMatches(Pattern.compile(""), "😀x")));
    }

    @Test
    void endAnchorMatchesOnce() {
        assertEquals(List.of("2-2@2+0"), spans(new GoMatches(Pattern.compile("$"), "ab")));
    }

    @Test
    void runePositionsCountSupplementaryCharactersOnce() {
        assertEquals(List.of("2-3@1+1", "5-6@3+1"), spans(new GoMatches(Pattern.compile("a"), "😀a😀a")));
    }

    @Test
    void literalSearchDoesNotOverlap() {
        assertEquals(List.of("0-2@0+2", "2-4@2+2"), spans(GoMatches.literal("aa", false, "aaaaa")));
        assertEquals(List.of(), spans(GoMatches.literal("x", false, "")));
    }

    @Test
    void caseInsensitiveLiteralUsesGoFoldOrbits() {
        assertEquals(List.of("0-2@0+2", "2-4@2+2", "5-7@5+2"), spans(GoMatches.literal("sk", true, "SK\u017f\u212a-sK")));
    }
}
