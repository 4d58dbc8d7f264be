package duso.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the HTTP stack itself answers to requests it cannot hand to a route (a malformed
 * request line, oversized headers, a failed handler): Go's terse plain-text bodies such as
 * {@code 400 Bad Request}, never Jetty's HTML error pages.
 */
final class PlainErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException h) {
            code = h.getCode();
        }
        if (code < 400) {
            code = 500;
        }
        response.setStatus(code);
        if (HttpStatus.hasNoBody(code)) {
            callback.succeeded();
            return true;
        }
        byte[] body = text(code).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        response.getHeaders().put("Content-Length", Integer.toString(body.length));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String text(int code) {
        String reason = HttpStatus.getMessage(code);
        if (code == 500) {
            reason = "Internal Server Error";
        }
        return code + " " + reason;
    }
}
