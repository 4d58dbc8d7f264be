package duso.client;

import duso.runtime.Args;
import duso.runtime.json.Json;
import duso.runtime.json.JsonException;

/** A fetch response's json(): the runtime's JSON reader, with the reference's message prefix. */
final class ResponseJson {
    private ResponseJson() {}

    static Object parse(String body) {
        try {
            return Json.parse(body);
        } catch (JsonException e) {
            throw Args.error("failed to parse JSON: " + e.getMessage());
        }
    }
}
