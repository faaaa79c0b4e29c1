package com.cloudpbx.freeswitch.esl;

import com.cloudpbx.freeswitch.esl.codec.EslFrame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds bytes the way mod_event_socket writes them, for the decoder tests and the fake switch. */
public final class EslWire {

    private static final String UNRESERVED = "-_.!~*'()/@";

    private EslWire() {
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** switch_event_serialize: url-encoded header lines, then a blank line or Content-Length and the body. */
    public static byte[] plainEvent(Map<String, String> headers, String body) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> out.append(name).append(": ").append(urlEncode(value)).append('\n'));
        if (body == null || body.isEmpty()) {
            out.append('\n');
        } else {
            out.append("Content-Length: ").append(bytes(body).length).append("\n\n").append(body);
        }
        return bytes(out.toString());
    }

    /** switch_event_serialize_json: one flat object, the body under _body. */
    public static byte[] jsonEvent(Map<String, String> headers, String body) {
        StringBuilder out = new StringBuilder("{");
        headers.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(jsonString(name)).append(':').append(jsonString(value));
        });
        if (body != null && !body.isEmpty()) {
            out.append(",\"_body\":").append(jsonString(body));
        }
        return bytes(out.append('}').toString());
    }

    /** An event frame: Content-Length comes before Content-Type, as in mod_event_socket's event loop. */
    public static byte[] eventFrame(String contentType, byte[] event) {
        return concat(bytes("Content-Length: " + event.length + "\nContent-Type: " + contentType + "\n\n"), event);
    }

    public static byte[] plainEventFrame(Map<String, String> headers, String body) {
        return eventFrame(EslFrame.EVENT_PLAIN, plainEvent(headers, body));
    }

    public static byte[] jsonEventFrame(Map<String, String> headers, String body) {
        return eventFrame(EslFrame.EVENT_JSON, jsonEvent(headers, body));
    }

    /** An api/response: here Content-Type comes first, then Content-Length. */
    public static byte[] apiResponse(String output) {
        byte[] body = bytes(output);
        return concat(bytes("Content-Type: api/response\nContent-Length: " + body.length + "\n\n"), body);
    }

    public static byte[] commandReply(String replyText) {
        return bytes("Content-Type: command/reply\nReply-Text: " + replyText + "\n\n");
    }

    public static byte[] disconnectNotice(String message) {
        byte[] body = bytes(message);
        return concat(bytes("Content-Type: text/disconnect-notice\nContent-Length: " + body.length + "\n\n"), body);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static String urlEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes(value)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || UNRESERVED.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The realistic CHANNEL_HANGUP_COMPLETE (232 headers, url-encoded) as FreeSWITCH serializes it. */
    public static byte[] hangupComplete() {
        try (InputStream in = EslWire.class.getResourceAsStream("/esl/channel-hangup-complete.plain")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
