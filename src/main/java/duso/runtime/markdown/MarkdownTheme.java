package duso.runtime.markdown;

/**
 * The escape sequences markdown_ansi() wraps around each construct. An all-empty theme is
 * how markdown_text() renders plain text through the same walker.
 */
public final class MarkdownTheme {
    public String h1 = "";
    public String h2 = "";
    public String h3 = "";
    public String h4 = "";
    public String h5 = "";
    public String h6 = "";
    public String codeBlock = "";
    public String codeInline = "";
    public String blockquote = "";
    public String listItem = "";
    public String bold = "";
    public String italic = "";
    public String strike = "";
    public String highlight = "";
    public String link = "";
    public String hr = "";
    public String reset = "";

    /** The reference's default terminal theme. */
    public static MarkdownTheme standard() {
        MarkdownTheme t = new MarkdownTheme();
        t.h1 = "\033[33m\033[1m\033[4m";
        t.h2 = "\033[37m\033[1m\033[4m";
        t.h3 = "\033[37m\033[4m";
        t.h4 = t.h3;
        t.h5 = t.h3;
        t.h6 = t.h3;
        t.codeBlock = "\033[96m";
        t.codeInline = "\033[96m";
        t.blockquote = "\033[90m";
        t.bold = "\033[1m";
        t.italic = "\033[3m";
        t.strike = "\033[9m";
        t.highlight = "\033[43m\033[30m";
        t.link = "\033[93m\033[1m\033[4m";
        t.hr = "\033[90m";
        t.reset = "\033[0m";
        return t;
    }

    String heading(int level) {
        return switch (level) {
            case 1 -> h1;
            case 2 -> h2;
            case 3 -> h3;
            case 4 -> h4;
            case 5 -> h5;
            case 6 -> h6;
            default -> "";
        };
    }
}
