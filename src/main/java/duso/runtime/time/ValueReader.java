package duso.runtime.time;

/**
 * The unparsed rest of a time value (one char per UTF-8 byte, as Go walks it) and Go's readers
 * for its pieces: literal text where a space matches any run of spaces, one- to three-digit
 * numbers, month and day names in any case, and zone abbreviations.
 */
final class ValueReader {
    private String rest;

    ValueReader(String value) {
        this.rest = value;
    }

    String rest() {
        return rest;
    }

    int length() {
        return rest.length();
    }

    boolean isEmpty() {
        return rest.isEmpty();
    }

    char charAt(int i) {
        return rest.charAt(i);
    }

    boolean startsWith(String prefix) {
        return rest.startsWith(prefix);
    }

    boolean isDigitAt(int i) {
        return GoLayout.isDigit(rest, i);
    }

    void drop(int n) {
        rest = rest.substring(n);
    }

    /** Removes the literal prefix; false (with what matched so far removed) when it differs. */
    boolean skip(String prefix) {
        int i = 0;
        while (i < prefix.length()) {
            if (prefix.charAt(i) == ' ') {
                if (!rest.isEmpty() && rest.charAt(0) != ' ') {
                    return false;
                }
                while (i < prefix.length() && prefix.charAt(i) == ' ') {
                    i++;
                }
                int spaces = 0;
                while (spaces < rest.length() && rest.charAt(spaces) == ' ') {
                    spaces++;
                }
                drop(spaces);
                continue;
            }
            if (rest.isEmpty() || rest.charAt(0) != prefix.charAt(i)) {
                return false;
            }
            i++;
            drop(1);
        }
        return true;
    }

    /** One or two digits (exactly two when fixed); -1, reading nothing, when there are none. */
    int getnum(boolean fixed) {
        if (!isDigitAt(0)) {
            return -1;
        }
        if (!isDigitAt(1)) {
            if (fixed) {
                return -1;
            }
            int n = rest.charAt(0) - '0';
            drop(1);
            return n;
        }
        int n = (rest.charAt(0) - '0') * 10 + (rest.charAt(1) - '0');
        drop(2);
        return n;
    }

    /** One to three digits (exactly three when fixed), or -1. */
    int getnum3(boolean fixed) {
        int n = 0;
        int i = 0;
        while (i < 3 && isDigitAt(i)) {
            n = n * 10 + rest.charAt(i) - '0';
            i++;
        }
        if (i == 0 || (fixed && i != 3)) {
            return -1;
        }
        drop(i);
        return n;
    }

    /** The index of the name the value starts with (ASCII letters in any case), or -1. */
    int lookup(String[] names) {
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (rest.length() >= name.length() && matchIgnoringCase(name)) {
                drop(name.length());
                return i;
            }
        }
        return -1;
    }

    private boolean matchIgnoringCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            int c1 = rest.charAt(i);
            int c2 = name.charAt(i);
            if (c1 != c2) {
                c1 |= 'a' - 'A';
                c2 |= 'a' - 'A';
                if (c1 != c2 || c1 < 'a' || c1 > 'z') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The length of a zone abbreviation at the front (Go's parseTimeZone), or 0: three upper-case
     * letters, four or five ending in T, "ChST", "MeST", "WITA", "GMT" with an optional hour
     * offset, or a bare offset like "+03".
     */
    int zoneNameLength() {
        String s = rest;
        if (s.length() < 3) {
            return 0;
        }
        if (s.startsWith("ChST") || s.startsWith("MeST")) {
            return 4;
        }
        if (s.startsWith("GMT")) {
            return 3 + signedOffsetLength(s.substring(3));
        }
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            return signedOffsetLength(s);
        }
        int upper = 0;
        while (upper < 6 && upper < s.length() && s.charAt(upper) >= 'A' && s.charAt(upper) <= 'Z') {
            upper++;
        }
        return switch (upper) {
            case 3 -> 3;
            case 4 -> s.charAt(3) == 'T' || s.startsWith("WITA") ? 4 : 0;
            case 5 -> s.charAt(4) == 'T' ? 5 : 0;
            default -> 0;
        };
    }

    /** "+3" or "-11" (an hour offset up to 23) at the front of s: its length, else 0. */
    private static int signedOffsetLength(String s) {
        if (s.isEmpty() || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
            return 0;
        }
        int i = 1;
        long x = 0;
        while (i < s.length() && GoLayout.isDigit(s, i)) {
            x = x * 10 + s.charAt(i) - '0';
            if (x > 1_000_000) {
                return 0;
            }
            i++;
        }
        return i == 1 || x > 23 ? 0 : i;
    }

    /** Two digits as a number, or -1. */
    static int twoDigits(String s) {
        return GoLayout.isDigit(s, 0) && GoLayout.isDigit(s, 1) ? (s.charAt(0) - '0') * 10 + s.charAt(1) - '0' : -1;
    }

    static boolean isSeparator(char c) {
        return c == '.' || c == ',';
    }

    /** Go's time-package atoi: optional sign and ASCII digits (within int), else null. */
    static Integer atoi(String s) {
        int i = 0;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            i = 1;
        }
        long x = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            x = x * 10 + (c - '0');
            if (x > Integer.MAX_VALUE) {
                return null;
            }
        }
        return (int) (neg ? -x : x);
    }
}
