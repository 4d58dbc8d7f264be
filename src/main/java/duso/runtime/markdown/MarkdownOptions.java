package duso.runtime.markdown;

/**
 * The extension switches of the reference's markdown engine. Script options override the
 * defaults of markdown_html(); heading ids are always on for scripts and only switched off
 * to compare against plain CommonMark.
 */
public final class MarkdownOptions {
    public boolean tables = true;
    public boolean strikethrough = true;
    public boolean highlight;
    public boolean tasklists = true;
    public boolean smartquotes = true;
    public boolean headingIds = true;
    public boolean codeLanguage = true;

    /** Plain CommonMark: every extension off (used for spec comparisons). */
    public static MarkdownOptions commonMark() {
        MarkdownOptions o = new MarkdownOptions();
        o.tables = false;
        o.strikethrough = false;
        o.tasklists = false;
        o.smartquotes = false;
        o.headingIds = false;
        o.codeLanguage = false;
        return o;
    }

    /** The parser only depends on these switches; used to share built parsers. */
    int parserKey() {
        return (tables ? 1 : 0) | (strikethrough ? 2 : 0) | (highlight ? 4 : 0);
    }
}
