package duso.runtime.lib;

import duso.lang.nodes.CallArgs;
import duso.lang.values.DusoObject;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.markdown.AnsiOutput;
import duso.runtime.markdown.HtmlOutput;
import duso.runtime.markdown.MarkdownOptions;
import duso.runtime.markdown.MarkdownTheme;

/**
 * markdown_html, markdown_ansi and markdown_text. The markdown classes (and commonmark-java
 * behind them) are only touched inside the builtin bodies, so scripts that never render
 * markdown never load them.
 */
public final class MarkdownLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("markdown_html", a -> {
            MarkdownOptions opts = new MarkdownOptions();
            DusoObject o = options(a);
            applyFlags(opts, o, true);
            return HtmlOutput.render(text(a), opts);
        });
        r.add("markdown_ansi", a -> {
            MarkdownOptions opts = new MarkdownOptions();
            MarkdownTheme theme = MarkdownTheme.standard();
            DusoObject o = options(a);
            applyFlags(opts, o, true);
            applyTheme(theme, o);
            return AnsiOutput.render(text(a), opts, theme);
        });
        r.add("markdown_text", a -> {
            MarkdownOptions opts = new MarkdownOptions();
            applyFlags(opts, options(a), false);
            return AnsiOutput.render(text(a), opts, new MarkdownTheme());
        });
    }

    /** The markdown source: positional only, as in the reference. */
    private static String text(Args a) {
        if (a.raw().at(0) instanceof String s) {
            return s;
        }
        throw Args.error(a.function() + "() requires markdown text as first argument");
    }

    /**
     * The options object: a named {@code options} wins (and when it is not an object there
     * are no options at all), else the second positional argument if it is an object.
     */
    private static DusoObject options(Args a) {
        CallArgs raw = a.raw();
        Object named = raw.named("options");
        Object v = named != null ? named : raw.at(1);
        return v instanceof DusoObject o ? o : null;
    }

    /** Only boolean values change a switch; anything else is ignored, as in the reference. */
    private static void applyFlags(MarkdownOptions opts, DusoObject o, boolean smartquotes) {
        if (o == null) {
            return;
        }
        opts.tables = flag(o, "tables", opts.tables);
        opts.strikethrough = flag(o, "strikethrough", opts.strikethrough);
        opts.highlight = flag(o, "highlight", opts.highlight);
        opts.tasklists = flag(o, "tasklists", opts.tasklists);
        if (smartquotes) {
            opts.smartquotes = flag(o, "smartquotes", opts.smartquotes);
        }
        opts.codeLanguage = flag(o, "code_language", opts.codeLanguage);
    }

    private static boolean flag(DusoObject o, String key, boolean current) {
        return o.getOrNull(key) instanceof Boolean b ? b : current;
    }

    /** Only string values replace a theme entry. */
    private static void applyTheme(MarkdownTheme t, DusoObject o) {
        if (o == null) {
            return;
        }
        t.h1 = style(o, "h1", t.h1);
        t.h2 = style(o, "h2", t.h2);
        t.h3 = style(o, "h3", t.h3);
        t.h4 = style(o, "h4", t.h4);
        t.h5 = style(o, "h5", t.h5);
        t.h6 = style(o, "h6", t.h6);
        t.codeBlock = style(o, "code_start", t.codeBlock);
        t.codeInline = style(o, "code_inline", t.codeInline);
        t.blockquote = style(o, "blockquote", t.blockquote);
        t.listItem = style(o, "list_item", t.listItem);
        t.bold = style(o, "bold", t.bold);
        t.italic = style(o, "italic", t.italic);
        t.strike = style(o, "strike", t.strike);
        t.highlight = style(o, "highlight", t.highlight);
        t.link = style(o, "link", t.link);
        t.hr = style(o, "hr", t.hr);
        t.reset = style(o, "reset", t.reset);
    }

    private static String style(DusoObject o, String key, String current) {
        return o.getOrNull(key) instanceof String s ? s : current;
    }
}
