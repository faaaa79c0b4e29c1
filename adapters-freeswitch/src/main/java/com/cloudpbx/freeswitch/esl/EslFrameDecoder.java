package com.cloudpbx.freeswitch.esl;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
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
 * rescanned from its start on every read.
 */
public final class EslFrameDecoder extends ByteToMessageDecoder {

    /** Far above any real header block (a few hundred bytes); only a broken peer gets near it. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;
    /** Far above the largest real body (a `show channels` of a few thousand calls is a few MB). */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

    private final int maxHeaderBytes;
    private final int maxBodyBytes;

    private Map<String, String> pendingHeaders;
    private int pendingBodyLength;
    private int searched;

    public EslFrameDecoder() {
        this(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES);
    }

    public EslFrameDecoder(int maxHeaderBytes, int maxBodyBytes) {
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
        byte[] body = new byte[pendingBodyLength];
        in.readBytes(body);
        out.add(new EslFrame(pendingHeaders, body));
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
        byte[] block = new byte[blank - start];
        in.readBytes(block);
        in.skipBytes(2);
        Map<String, String> headers = new LinkedHashMap<>(8);
        HeaderBlock.parse(block, 0, block.length, headers);
        pendingBodyLength = contentLength(headers);
        pendingHeaders = headers;
        return true;
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
