package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 durability with real processes: a {@code bin/duso} child writes to a WAL-backed
 * store (snapshotting every 50 ms meanwhile) and prints each write once it is acknowledged;
 * the test SIGKILLs it mid-stream, and the next child - which recovers the files - first
 * checks that every acknowledged write is there, intact and in order, before writing on.
 * Twenty kills, at random points.
 */
class DatastoreCrashIT {
    static final String WRITER = """
            // Checks what recovery restored, then writes until killed.
            s = datastore("crash", {persist = "crash.dusnap", wal = "crash.duwal", persist_interval = 0.05})
            acked = sys("-acked")
            log = s.get("log")
            if log == nil then log = [] end
            n = len(log)
            if n < acked then
              print("BAD the log has " + n + " entries but " + acked + " were acknowledged")
              exit()
            end
            j = 0
            while j < n do
              if log[j] != j then
                print("BAD log[" + j + "] is " + log[j])
                exit()
              end
              v = s.get("k" + j)
              if v == nil then
                print("BAD k" + j + " is missing")
                exit()
              end
              if v.i != j or v.payload != "p" + j + "-0123456789abcdef" then
                print("BAD k" + j + " is " + v)
                exit()
              end
              j = j + 1
            end
            print("VERIFIED " + n)
            i = n
            while true do
              s.set("k" + i, {i = i, payload = "p" + i + "-0123456789abcdef"})
              s.push("log", i)
              print("ACK " + i)
              i = i + 1
            end
            """;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesTwentyKills() throws Exception {
        Files.writeString(dir.resolve("writer.du"), WRITER);
        Random random = new Random(42);
        int acked = 0;
        for (int round = 0; round < 20; round++) {
            int killAfter = 1 + random.nextInt(300);
            acked = runAndKill(acked, killAfter, round);
        }
        runAndKill(acked, 0, 20); // a last recovery, checked and killed at once
    }

    /** Starts a writer, checks its verification line, kills it after some acknowledgements. */
    private int runAndKill(int acked, int killAfter, int round) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of("bin/duso").toAbsolutePath().toString(), "writer.du",
                "-acked", Integer.toString(acked))
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr-" + round + ".txt").toFile())
                .start();
        int last = acked - 1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            if (first == null || !first.startsWith("VERIFIED ")) {
                p.destroyForcibly().waitFor();
                fail("round " + round + ": expected VERIFIED, got " + first + "\nstderr: "
                        + Files.readString(dir.resolve("stderr-" + round + ".txt")));
            }
            int recovered = Integer.parseInt(first.substring(9));
            assertTrue(recovered >= acked, "round " + round + ": recovered " + recovered + " < acked " + acked);
            last = recovered - 1;
            for (int seen = 0; seen < killAfter; seen++) {
                String line = out.readLine();
                if (line == null) {
                    break;
                }
                assertTrue(line.startsWith("ACK "), "round " + round + ": " + line);
                int i = Integer.parseInt(line.substring(4));
                assertEquals(last + 1, i, "acknowledgements arrive in order");
                last = i;
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the writer died");
        }
        String stderr = Files.readString(dir.resolve("stderr-" + round + ".txt"));
        assertTrue(stderr.isEmpty() || stderr.startsWith("duso: building"), "round " + round + " stderr: " + stderr);
        return last + 1;
    }
}
