package duso.cli;

import duso.client.ClientLibrary;
import duso.runtime.Library;
import duso.runtime.lib.ArraysLibrary;
import duso.runtime.lib.Base64Library;
import duso.runtime.lib.CipherLibrary;
import duso.runtime.lib.CodeLibrary;
import duso.runtime.lib.ConcurrencyLibrary;
import duso.runtime.lib.ConsoleLibrary;
import duso.runtime.lib.ConversionLibrary;
import duso.runtime.lib.CsvLibrary;
import duso.runtime.lib.ExecLibrary;
import duso.runtime.lib.FilePatternsLibrary;
import duso.runtime.lib.FilesLibrary;
import duso.runtime.lib.FormLibrary;
import duso.runtime.lib.FunctionalLibrary;
import duso.runtime.lib.HashLibrary;
import duso.runtime.lib.JsonLibrary;
import duso.runtime.lib.MarkdownLibrary;
import duso.runtime.lib.MathLibrary;
import duso.runtime.lib.ModulesLibrary;
import duso.runtime.lib.PasswordLibrary;
import duso.runtime.lib.RegexLibrary;
import duso.runtime.lib.StringsLibrary;
import duso.runtime.lib.SystemLibrary;
import duso.runtime.lib.TemplateLibrary;
import duso.runtime.lib.TimeLibrary;
import duso.runtime.lib.TypesLibrary;
import duso.server.HttpServerLibrary;
import duso.sql.SqlLibrary;
import duso.store.DatastoreLibrary;
import java.util.List;

/** Every builtin library, in registration order (later ones may replace earlier names). */
public final class Libraries {
    private Libraries() {}

    public static final List<Library> ALL = List.of(
            new ConsoleLibrary(),
            new TypesLibrary(),
            new DatastoreLibrary(),
            new CodeLibrary(),
            new ModulesLibrary(),
            new FilesLibrary(),
            new FilePatternsLibrary(),
            new SystemLibrary(),
            new StringsLibrary(),
            new RegexLibrary(),
            new TemplateLibrary(),
            new MarkdownLibrary(),
            new JsonLibrary(),
            new CsvLibrary(),
            new FormLibrary(),
            new Base64Library(),
            new HashLibrary(),
            new PasswordLibrary(),
            new CipherLibrary(),
            new ArraysLibrary(),
            new FunctionalLibrary(),
            new MathLibrary(),
            new ConversionLibrary(),
            new TimeLibrary(),
            new ConcurrencyLibrary(),
            new ExecLibrary(),
            new HttpServerLibrary(),
            new ClientLibrary(),
            new SqlLibrary());
}
