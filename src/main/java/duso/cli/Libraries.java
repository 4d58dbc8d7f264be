package duso.cli;

import duso.client.ClientLibrary;
import duso.client.MailLibrary;
import duso.runtime.LazyLibrary;
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
import duso.runtime.lib.ImageLibrary;
import duso.runtime.lib.ImageLibrary;
import duso.runtime.lib.JsonLibrary;
import duso.runtime.lib.MarkdownLibrary;
import duso.runtime.lib.MathLibrary;
import duso.runtime.lib.ModulesLibrary;
import duso.runtime.lib.PasswordLibrary;
import duso.runtime.lib.RegexLibrary;
import duso.runtime.lib.ScheduleLibrary;
import duso.runtime.lib.SignatureLibrary;
import duso.runtime.lib.StringsLibrary;
import duso.runtime.lib.SystemLibrary;
import duso.runtime.lib.TemplateLibrary;
import duso.runtime.lib.TimeLibrary;
import duso.runtime.lib.TypesLibrary;
import duso.runtime.lib.WatchLibrary;
import duso.server.HttpServerLibrary;
import duso.sql.SqlLibrary;
import duso.store.DatastoreLibrary;
import java.util.List;

/**
 * Every builtin library, in registration order (later ones may replace earlier names), each with
 * the names it defines so that it is installed only when a script first names one of them
 * ({@link LazyLibrary}; {@code LibrariesTest} keeps these lists true).
 */
public final class Libraries {
    private Libraries() {}

    public static final List<Library> ALL = List.of(
            LazyLibrary.of(new ConsoleLibrary(), "breakpoint busy debug error input print write"),
            LazyLibrary.of(new TypesLibrary(), "assert exit len throw tostring type"),
            // eager: installing it also provides the Datastores service that /STORE/ files use
            new DatastoreLibrary(),
            LazyLibrary.of(new CodeLibrary(), "context parse run"),
            LazyLibrary.of(new ModulesLibrary(), "include require"),
            LazyLibrary.of(new FilesLibrary(), "append_file current_dir file_exists file_type list_dir load load_binary make_dir remove_dir rename_file save save_binary"),
            LazyLibrary.of(new FilePatternsLibrary(), "copy_file list_files move_file remove_file"),
            LazyLibrary.of(new ImageLibrary(), "adjust_image_opacity composite_image convert_image crop_image flip_image_x flip_image_y grayscale_image load_image rotate_image save_image scale_image set_image_opacity"),
            LazyLibrary.of(new WatchLibrary(), "watch"),
            LazyLibrary.of(new SystemLibrary(), "env uuid"),
            LazyLibrary.of(new StringsLibrary(), "escape_html join lower pad_left pad_right repeat split substr trim upper"),
            LazyLibrary.of(new RegexLibrary(), "contains ends_with find replace starts_with toregex"),
            LazyLibrary.of(new TemplateLibrary(), "template"),
            LazyLibrary.of(new MarkdownLibrary(), "markdown_ansi markdown_html markdown_text"),
            LazyLibrary.of(new JsonLibrary(), "format_json parse_json"),
            LazyLibrary.of(new CsvLibrary(), "format_csv parse_csv"),
            LazyLibrary.of(new FormLibrary(), "format_form parse_form"),
            LazyLibrary.of(new Base64Library(), "decode_base64 encode_base64"),
            LazyLibrary.of(new HashLibrary(), "hash hmac"),
            LazyLibrary.of(new PasswordLibrary(), "hash_password verify_password"),
            LazyLibrary.of(new CipherLibrary(), "decrypt encrypt"),
            LazyLibrary.of(new SignatureLibrary(), "ec_from_jwk rsa_from_jwk sign_ec sign_rsa verify_ec verify_ed25519 verify_rsa"),
            LazyLibrary.of(new ArraysLibrary(), "keys pop push range shift unshift values"),
            LazyLibrary.of(new FunctionalLibrary(), "filter map reduce sort"),
            LazyLibrary.of(new MathLibrary(), "abs acos asin atan atan2 ceil clamp cos exp fibonacci floor ln log max min pi pow random round sin sqrt tan"),
            LazyLibrary.of(new ConversionLibrary(), "deep_copy tobool tonumber"),
            LazyLibrary.of(new TimeLibrary(), "format_time now parse_time timer timestamp"),
            LazyLibrary.of(new ConcurrencyLibrary(), "kill parallel shutdown sleep spawn"),
            LazyLibrary.of(new ScheduleLibrary(), "schedule unschedule"),
            LazyLibrary.of(new ExecLibrary(), "exec"),
            LazyLibrary.of(new HttpServerLibrary(), "http_server send_websocket"),
            LazyLibrary.of(new ClientLibrary(), "fetch websocket"),
            LazyLibrary.of(new MailLibrary(), "send_mail"),
            LazyLibrary.of(new SqlLibrary(), "sql"));
}
