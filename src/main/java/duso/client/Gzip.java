package duso.client;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decodes a gzip response body the transport asked for, as Go's transport does transparently
 * (concatenated members included). Failures are worded as Go's gzip and flate readers word them.
 */
final class Gzip {
    private Gzip() {}

    static byte[] decode(byte[] body) throws FetchFailure {
        if (body.length == 0) {
            return body;
        }
        Reader in = null;
        try {
            in = new Reader(body);
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new FetchFailure("unexpected EOF");
        } catch (ZipException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("GZIP format") || m.contains("Unsupported compression method")) {
                throw new FetchFailure("gzip: invalid header");
            }
            if (m.contains("trailer")) {
                throw new FetchFailure("gzip: invalid checksum");
            }
            throw new FetchFailure("flate: corrupt input before offset " + (in == null ? 0 : in.consumed()));
        } catch (IOException e) {
            throw new FetchFailure("unexpected EOF");
        } finally {
            if (in != null) {
                in.end();
            }
        }
    }

    /** Knows how far into the compressed data it got (Go reports that offset). */
    private static final class Reader extends GZIPInputStream {
        Reader(byte[] body) throws IOException {
            super(new ByteArrayInputStream(body), 8192);
        }

        long consumed() {
            return inf.getBytesRead();
        }

        /** Frees the inflater's native memory now rather than at collection. */
        void end() {
            try {
                close();
            } catch (IOException e) {
                // a byte array source cannot fail to close
            }
        }
    }
}
