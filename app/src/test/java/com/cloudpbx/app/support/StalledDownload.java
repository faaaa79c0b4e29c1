package com.cloudpbx.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP client on a raw TCP socket that sends a GET, reads the response head and then stops
 * reading, as a client that went away without closing would: the server's writes back up. Later
 * it can drain the stream to find out whether the server cut it off.
 */
public final class StalledDownload implements AutoCloseable {

    private static final String LAST_CHUNK = "\r\n0\r\n\r\n";

    private final Socket socket;
    private final InputStream in;
    private final String head;

    private StalledDownload(Socket socket, InputStream in, String head) {
        this.socket = socket;
        this.in = in;
        this.head = head;
    }

    /** Connects with the smallest receive window the OS allows, sends the GET and reads the head only. */
    public static StalledDownload open(ApiServer api, String path, Credential credential) throws IOException {
        URI base = URI.create(api.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(15_000);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Accept: text/csv\r\n");
        if (credential.token() != null) {
            request.append("Authorization: Bearer ").append(credential.token()).append("\r\n");
        }
        if (credential.apiKey() != null) {
            request.append("X-API-Key: ").append(credential.apiKey()).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        return new StalledDownload(socket, in, ResponseHead.read(in, "before the response head"));
    }

    public int status() {
        return Integer.parseInt(head.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
    }

    /** A header of the response head, or null. */
    public String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** What a drained response held: its size and whether its chunked body was ended properly. */
    public record Drained(long bytes, boolean complete) {
    }

    /**
     * Starts reading: consumes what the server had sent until it closes the connection; fails
     * when it is still open after {@code within}.
     */
    public Drained drainUntilClosed(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        String tail = "";
        socket.setSoTimeout(1_000);
        while (System.nanoTime() < deadline) {
            try {
                int read = in.read(buffer);
                if (read < 0) {
                    return new Drained(total, tail.endsWith(LAST_CHUNK));
                }
                total += read;
                String text = tail + new String(buffer, Math.max(0, read - 16), Math.min(read, 16),
                        StandardCharsets.ISO_8859_1);
                tail = text.substring(Math.max(0, text.length() - 16));
            } catch (SocketTimeoutException quiet) {
                if (tail.endsWith(LAST_CHUNK)) {
                    // the whole body came and the connection is kept alive: not cut
                    return new Drained(total, true);
                }
            } catch (IOException reset) {
                return new Drained(total, false);
            }
        }
        throw new AssertionError("the server kept the connection open for " + within);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
