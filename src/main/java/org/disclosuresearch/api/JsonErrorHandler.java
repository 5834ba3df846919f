package org.disclosuresearch.api;

import org.disclosuresearch.report.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Answers the errors Jetty raises before any route sees the request (a lone {@code %} in the path, a malformed
 * header) in JSON like every other API error, instead of Jetty's HTML page; no server details.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        String detail = code == HttpStatus.BAD_REQUEST_400
                ? "the request could not be read: the URL or a header is malformed (a % must start an escape such as %25)"
                : reason;
        byte[] body = Json.mapper().writeValueAsBytes(new ApiError(reason.toLowerCase(java.util.Locale.ROOT), detail,
                null));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
