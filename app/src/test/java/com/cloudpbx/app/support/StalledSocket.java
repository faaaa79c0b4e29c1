package com.cloudpbx.app.support;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client on a raw TCP socket that completes the handshake and then reads nothing, so
 * the server's writes back up; later it can drain the stream to find the server's close frame.
 */
public final class StalledSocket implements AutoCloseable {

    private static final int CLOSE_OPCODE = 0x8;

    private final Socket socket;
    private final DataInputStream in;

    private StalledSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects with the smallest receive window the OS allows and upgrades {@code /ws<query>}. */
    public static StalledSocket open(ApiServer api, String query) throws IOException {
        URI base = URI.create(api.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(15_000);
        StalledSocket stalled = new StalledSocket(socket);
        stalled.handshake(base, query);
        return stalled;
    }

    private void handshake(URI base, String query) throws IOException {
        String key = Base64.getEncoder().encodeToString("stalled-client-0".getBytes(StandardCharsets.US_ASCII));
        String request = "GET /ws" + query + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = ResponseHead.read(in, "during the handshake");
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
    }

    /** Starts reading: skips every data frame and returns the close code the server sent. */
    public int drainUntilClosed() throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if ((first & 0x0F) == CLOSE_OPCODE) {
                return length >= 2 ? in.readUnsignedShort() : 1005;
            }
            skip(in, length);
        }
    }

    private static void skip(InputStream in, long length) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside a frame");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
