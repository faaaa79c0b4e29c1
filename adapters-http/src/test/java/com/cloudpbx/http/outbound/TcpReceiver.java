package com.cloudpbx.http.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener that counts every connection it accepts, before any byte is read: it proves that a
 * refused delivery never connected. It answers each request's head with 204, or stalls: answers
 * nothing, or only the start of a response.
 */
final class TcpReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final String answer;
    private final boolean stall;
    private final boolean speakFirst;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private TcpReceiver(String address, String answer, boolean stall) {
        this(address, answer, stall, false);
    }

    private TcpReceiver(String address, String answer, boolean stall, boolean speakFirst) {
        this.answer = answer;
        this.stall = stall;
        this.speakFirst = speakFirst;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::acceptAll);
    }

    /** Answers 204 to every request. */
    static TcpReceiver answering(String address) {
        return new TcpReceiver(address, "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                false);
    }

    /** Accepts, reads, and never answers. */
    static TcpReceiver stalling(String address) {
        return new TcpReceiver(address, "", true);
    }

    /** Answers with this start of a response (a status line, headers, part of a body), then never another byte. */
    static TcpReceiver answeringThenStalling(String address, String start) {
        return new TcpReceiver(address, start, true);
    }

    /** Writes this as soon as it accepts, before reading anything (as a plain HTTP server answering a TLS hello would). */
    static TcpReceiver speakingFirst(String address, String text) {
        return new TcpReceiver(address, text, false, true);
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    /** The request heads received, each its request line and headers. */
    List<String> heads() {
        return List.copyOf(heads);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            if (speakFirst) {
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                return;
            }
            String head = readHead(in);
            heads.add(head);
            socket.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            if (stall) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
