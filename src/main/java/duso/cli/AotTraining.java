package duso.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Entry point of the network AOT cache's training run (bin/duso, src/main/aot/training-net.du):
 * a loopback server that answers every request after a short delay, then the training script
 * with that server's URL as {@code -url}.
 *
 * <p>A fetch that has to wait for its answer parks its virtual thread on the socket, which
 * starts the JDK's I/O pollers and spins their lambdas and method handles. Trained against a
 * refused connection only, none of that happened in training, so every fetching process
 * generated those classes itself, and compiling the JDK's class-file generator for them took
 * the C1 compiler 5 MB of arena memory (bench/cfetch.du -n 100: 54.5-56.0 MB peak RSS with
 * the old training, 51.4-52.9 MB with this one, docs/tuning.md).
 */
public final class AotTraining {
    private static final byte[] ANSWER =
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);
    /** Long enough for the client's read to find nothing and park. */
    private static final long DELAY_MILLIS = 50;

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("duso-training-server").start(() -> serve(server));
        String[] withUrl = Arrays.copyOf(args, args.length + 2);
        withUrl[args.length] = "-url";
        withUrl[args.length + 1] = "http://127.0.0.1:" + server.getLocalPort() + "/";
        Main.main(withUrl);
    }

    private static void serve(ServerSocket server) {
        while (true) {
            try (Socket s = server.accept()) {
                skipRequestHead(s.getInputStream());
                Thread.sleep(DELAY_MILLIS);
                s.getOutputStream().write(ANSWER);
            } catch (IOException e) {
                // a client that went away; the next one is served
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads up to the blank line that ends a request's head (the training sends no body). */
    private static void skipRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }
}
