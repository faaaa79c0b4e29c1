package com.cloudpbx.freeswitch.esl.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the byte stream from mod_event_socket into {@link EslFrame}s, however TCP split or packed
 * them: a header block ends at the first blank line, and a {@code Content-Length} header, wherever it
 * sits in the block (events put it first, api/response second), says how many body bytes follow.
 *
 * <p>One instance per channel: it remembers the headers of a frame whose body has not fully arrived
 * and how far it already searched for the blank line, so a frame trickling in byte by byte is not
 * rescanned from its start on every read. It also reads the event of each text/event-plain frame,
 * with the header layouts this connection learned from earlier events (see {@link
 * PlainEventReader}); the frame carries the event along with its body.
 */
public final class EslFrameDecoder extends ByteToMessageDecoder {

    /** Far above any real header block (a few hundred bytes); only a broken peer gets near it. */
    static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;
    /** Far above the largest real body (a `show channels` of a few thousand calls is a few MB). */
    static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
    /** A block longer than this (none FreeSWITCH sends) gets an array of its own, not a lasting one. */
    private static final int LONGEST_REUSED_HEADER_BLOCK = 4096;

    private final int maxHeaderBytes;
    private final int maxBodyBytes;

    private final PlainEventReader plainEvents = new PlainEventReader();
    /** Where a header block is read to be parsed; reused, as a connection reads one block at a time. */
    private byte[] headerBlock = new byte[256];

    private Map<String, String> pendingHeaders;
    private int pendingBodyLength;
    private int searched;

    public EslFrameDecoder() {
        this(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES);
    }

    EslFrameDecoder(int maxHeaderBytes, int maxBodyBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (pendingHeaders == null && !readHeaderBlock(in)) {
            return;
        }
        if (in.readableBytes() < pendingBodyLength) {
            return;
        }
        byte[] body = readBody(in, pendingBodyLength);
        out.add(new EslFrame(pendingHeaders, body, plainEvent(pendingHeaders, body)));
        pendingHeaders = null;
        pendingBodyLength = 0;
    }

    private boolean readHeaderBlock(ByteBuf in) {
        if (searched == 0) {
            skipStrayNewlines(in);
        }
        int start = in.readerIndex();
        int end = start + in.readableBytes();
        // Resume one byte early: the previous search may have stopped between the two newlines.
        int from = start + Math.max(0, searched - 1);
        int blank = -1;
        while (from < end - 1) {
            int newline = in.indexOf(from, end - 1, (byte) '\n');
            if (newline < 0) {
                break;
            }
            if (in.getByte(newline + 1) == '\n') {
                blank = newline;
                break;
            }
            from = newline + 1;
        }
        if (blank < 0) {
            searched = end - start;
            if (searched > maxHeaderBytes) {
                throw new TooLongFrameException("ESL header block longer than " + maxHeaderBytes + " bytes");
            }
            return false;
        }
        searched = 0;
        int length = blank - start;
        byte[] block = headerBlock;
        if (length > block.length) {
            block = new byte[Math.max(length, 2 * block.length)];
            if (block.length <= LONGEST_REUSED_HEADER_BLOCK) {
                headerBlock = block;
            }
        }
        in.readBytes(block, 0, length);
        in.skipBytes(2);
        Map<String, String> headers = new LinkedHashMap<>(8);
        HeaderBlock.parse(block, 0, length, headers);
        pendingBodyLength = contentLength(headers);
        pendingHeaders = headers;
        return true;
    }

    /**
     * Reads a text/event-plain body here, where the connection's layouts live (see {@link
     * PlainEventReader}). A body that does not parse is left to {@link EslEvent#parse(EslFrame)}, so
     * that it fails where a bad event is dropped, not in the decoder, where it would close the socket.
     */
    private EslEvent plainEvent(Map<String, String> headers, byte[] body) {
        if (body == null || !EslFrame.EVENT_PLAIN.equals(headers.get(EslFrame.CONTENT_TYPE))) {
            return null;
        }
        try {
            return EslEvent.plain(body, plainEvents.read(body));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The body as an array of its own: the frame outlives the buffer, which Netty reuses. A heap
     * buffer is copied with one array copy into a fresh array, which the JIT need not zero first.
     */
    private static byte[] readBody(ByteBuf in, int length) {
        if (length == 0) {
            return null;
        }
        byte[] body;
        if (in.hasArray()) {
            int from = in.arrayOffset() + in.readerIndex();
            body = Arrays.copyOfRange(in.array(), from, from + length);
            in.skipBytes(length);
        } else {
            body = new byte[length];
            in.readBytes(body);
        }
        return body;
    }

    /** FreeSWITCH ends some bodies with an extra newline that is not counted in Content-Length. */
    private static void skipStrayNewlines(ByteBuf in) {
        while (in.isReadable()) {
            byte b = in.getByte(in.readerIndex());
            if (b != '\n' && b != '\r') {
                return;
            }
            in.skipBytes(1);
        }
    }

    private int contentLength(Map<String, String> headers) {
        String value = headers.get(EslFrame.CONTENT_LENGTH);
        if (value == null) {
            return 0;
        }
        int length;
        try {
            length = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CorruptedFrameException("ESL Content-Length is not a number: " + value);
        }
        if (length < 0) {
            throw new CorruptedFrameException("ESL Content-Length is negative: " + length);
        }
        if (length > maxBodyBytes) {
            throw new TooLongFrameException("ESL body of " + length + " bytes exceeds " + maxBodyBytes);
        }
        return length;
    }
}
