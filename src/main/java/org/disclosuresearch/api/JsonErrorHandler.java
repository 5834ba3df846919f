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
import java.util.Locale;

/**
 * Answers the errors Jetty raises before any route sees the request (a lone {@code %} in the path, {@code ..} above
 * the root, a NUL, a malformed Host header) in JSON like every other API error, instead of Jetty's HTML page, with
 * a detail that names the actual problem; no server details.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        String detail = switch (code) {
            case HttpStatus.BAD_REQUEST_400 -> badRequestDetail(message, cause);
            // typed straight into the browser, these reach a person, not the page's script: say it in Chinese
            case HttpStatus.URI_TOO_LONG_414 -> "网址太长，服务器无法处理：请缩短检索式或减少筛选条件后再试";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "请求头太大，服务器无法处理：请清除本站的 Cookie 后再试";
            default -> reason;
        };
        byte[] body = Json.mapper().writeValueAsBytes(new ApiError(reason.toLowerCase(Locale.ROOT), detail, null));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * What Jetty found wrong, from its message and the cause it wraps (it reports them as "Bad Request" with the
     * parser's exception inside: "!hex z" for a broken escape, "Bad URI" for {@code ..} above the root …).
     */
    static String badRequestDetail(String message, Throwable cause) {
        StringBuilder all = new StringBuilder(message == null ? "" : message);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            all.append(' ').append(t.getClass().getSimpleName()).append(' ').append(t.getMessage());
        }
        String text = all.toString();
        String prefix = "the request could not be read: ";
        if (text.contains("hex") || text.contains("NumberFormatException")) {
            return prefix + "a % in the URL must start an escape of two hex digits, such as %25 for % itself";
        }
        if (text.contains("Bad URI")) {
            // Jetty says "Bad URI" for both, and the path it could not read is not passed on
            return prefix + "the path cannot be resolved: a lone % (a % must start an escape such as %25) or a .. "
                    + "that climbs above the root";
        }
        if (text.contains("Ambiguous")) {
            return prefix + "the path is ambiguous (an encoded / or .., or an empty segment)";
        }
        if (text.contains("Illegal character in path")) {
            return prefix + "the path holds a control character (NUL, %00 or another below space)";
        }
        if (text.contains("Illegal character")) {
            return prefix + "the request line or a header holds a control character ("
                    + text.replaceAll(".*Illegal character ([A-Za-z]+=0x[0-9a-fA-F]+).*", "$1") + ")";
        }
        if (text.contains("Duplicate Host")) {
            return prefix + "it has more than one Host header";
        }
        if (text.contains("No Host")) {
            return prefix + "an HTTP/1.1 request needs a Host header";
        }
        if (text.contains("HostPort") || text.contains("Host")) {
            return prefix + "the Host header is not a host name with an optional port";
        }
        if (text.contains("Header") || text.contains("header")) {
            return prefix + "a header is malformed";
        }
        return prefix + "the URL or a header is malformed";
    }
}
