package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file builtins that change the disk, in a scratch directory. Scripts live in a
 * subdirectory of the working directory, so every test also checks that bare paths resolve
 * against the script's directory (the reference's appDir), never the JVM's directory.
 */
class FileBuiltinsTest {
    @TempDir
    Path cwd;

    private ScriptRun run(String code) {
        ScriptRun r = ScriptRun.script(cwd, "app/main.du", code);
        assertEquals("", r.err(), "stderr");
        return r;
    }

    private Path app(String name) {
        return cwd.resolve("app").resolve(name);
    }

    @Test
    void saveAppendAndLoadResolveAgainstTheScriptDirectory() throws IOException {
        ScriptRun r = run("""
                save("out.txt", "one")
                append_file("out.txt", "+two")
                print(load("out.txt"))
                save(filename = "named.txt", content = 42)
                """);
        assertEquals("one+two\n", r.out());
        assertEquals("one+two", Files.readString(app("out.txt")));
        assertEquals("42", Files.readString(app("named.txt")));
        assertFalse(Files.exists(cwd.resolve("out.txt")));
    }

    @Test
    void saveNeedsAnExistingDirectoryAndNamesTheResolvedPath() {
        ScriptRun r = run("""
                try
                  save("missing/x.txt", "x")
                catch (e)
                  print(e.message)
                end
                """);
        assertEquals("cannot save 'missing/x.txt': file not found at app/missing/x.txt\n", r.out());
    }

    @Test
    void binaryRoundTripKeepsEveryByte() throws IOException {
        Files.createDirectories(app("."));
        byte[] bytes = {0, (byte) 0xff, (byte) 0xc3, 0x28, 10};
        Files.write(app("in.bin"), bytes);
        run("""
                b = load_binary("in.bin")
                save_binary(b, "out.bin")
                save_binary(binary = b, filename = "named.bin")
                """);
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(app("out.bin"))));
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(app("named.bin"))));
    }

    @Test
    void directoriesAreMadeListedAndRemoved() {
        ScriptRun r = run("""
                make_dir("a/b/c")
                make_dir("a/b/c")
                print(file_type("a/b"), list_dir("a/b"))
                try
                  remove_dir("a")
                catch (e)
                  print(e.message)
                end
                remove_dir("a/b/c")
                print(file_exists("a/b/c"))
                """);
        assertEquals("""
                directory [{is_dir=true, name="c"}]
                cannot remove directory 'a': already exists at app/a
                false
                """, r.out());
    }

    @Test
    void renameAndMoveNeverReplaceADirectoryOrPutOneOverAFile() throws IOException {
        ScriptRun r = run("""
                function attempt(f)
                  try
                    f()
                  catch (e)
                    print(e.message)
                  end
                end
                save("x.txt", "x")
                make_dir("empty")
                attempt(function() rename_file("x.txt", "empty") end)
                make_dir("dd")
                save("b.txt", "b")
                attempt(function() move_file("dd", "b.txt") end)
                attempt(function() rename_file("dd", "dd") end)
                save("y.txt", "y")
                rename_file("x.txt", "y.txt")
                print(file_type("empty"), file_type("b.txt"), file_type("dd"), load("y.txt"), file_exists("x.txt"))
                save("f.txt", "f")
                attempt(function() make_dir("f.txt/x/y") end)
                """);
        assertEquals("""
                cannot rename 'x.txt' to 'empty': already exists at app/x.txt
                cannot move_file 'dd' to 'b.txt': rename app/dd app/b.txt: not a directory (at app/b.txt)
                cannot rename 'dd' to 'dd': already exists at app/dd
                directory file directory x false
                cannot create directory 'f.txt/x/y': mkdir app/f.txt: not a directory (at app/f.txt/x/y)
                """, r.out());
        assertEquals("b", Files.readString(app("b.txt")));
    }

    @Test
    void copyMoveRenameAndRemoveReturnWhatTheyTouched() throws IOException {
        ScriptRun r = run("""
                save("a.txt", "A")
                print(copy_file("a.txt", "copies/a2.txt"))
                make_dir("dest")
                print(copy_file("a.txt", "dest"))
                print(move_file("copies/a2.txt", "moved.txt"))
                rename_file("moved.txt", "renamed.txt")
                print(load("renamed.txt"), load("dest/a.txt"), file_exists("moved.txt"))
                print(remove_file("renamed.txt"))
                try
                  remove_file("renamed.txt")
                catch (e)
                  print(e.message)
                end
                try
                  rename_file("nope.txt", "x.txt")
                catch (e)
                  print(e.message)
                end
                """);
        assertEquals("""
                ["copies/a2.txt"]
                ["dest"]
                ["moved.txt"]
                A A false
                ["renamed.txt"]
                cannot remove file 'renamed.txt': file not found at app/renamed.txt
                cannot rename 'nope.txt' to 'x.txt': file not found at app/nope.txt
                """, r.out());
        assertFalse(Files.exists(app("renamed.txt")));
    }

    @Test
    void wildcardsActOnEveryMatchAndReturnPathsRelativeToTheScript() throws IOException {
        ScriptRun r = run("""
                save("one.log", "1")
                save("two.log", "2")
                save("keep.txt", "k")
                make_dir("backup")
                make_dir("archive")
                print(list_files("*.log"))
                print(copy_file("*.log", "backup"))
                print(move_file("*.log", "archive"))
                print(remove_file("backup/*.log"))
                print(list_files("*"))
                try
                  copy_file("*.txt", "nowhere")
                catch (e)
                  print(e.message)
                end
                """);
        assertEquals("""
                ["one.log", "two.log"]
                ["backup/one.log", "backup/two.log"]
                ["archive/one.log", "archive/two.log"]
                ["backup/one.log", "backup/two.log"]
                ["archive", "backup", "keep.txt", "main.du"]
                copy_file() with wildcard source requires destination to be an existing directory
                """, r.out());
        assertTrue(Files.exists(app("archive/two.log")));
    }

    @Test
    void specialRootsPickTheirDirectory() throws IOException {
        Files.createDirectories(cwd.resolve("app/lib"));
        Files.writeString(cwd.resolve("app/lib/mod.du"), """
                save("/HERE/next-to-module.txt", "here")
                save("/CWD/in-cwd.txt", "cwd")
                save("bare.txt", "bare")
                1
                """);
        run("require(\"lib/mod\")");
        assertEquals("here", Files.readString(cwd.resolve("app/lib/next-to-module.txt")));
        assertEquals("cwd", Files.readString(cwd.resolve("in-cwd.txt")));
        assertEquals("bare", Files.readString(app("bare.txt")));
    }

    @Test
    void currentDirIsTheRuntimesWorkingDirectory() {
        assertEquals(cwd.toAbsolutePath().normalize() + "\n", run("print(current_dir())").out());
    }
}
