package com.cloudpbx.freeswitch.esl.codec;

import java.util.AbstractMap;
import java.util.Set;

/**
 * The headers of a text/event-plain event, read straight from the event's bytes: where each header
 * sits is recorded while parsing, and a value is percent-decoded only when it is read. A
 * channel event carries ~230 headers of which a consumer reads a handful, and allocating ~460
 * strings per event would make decoding, not the socket, the limit on how many events a connection
 * can take (FreeSWITCH drops a consumer that falls behind).
 *
 * <p>Only where each header's name ends is kept; the value is found and decoded again on every
 * read, which consumers do once or twice per header, so a cache of decoded values would cost every
 * event more than it saves. The bytes are the event frame's own body, which nothing writes to once
 * the frame is decoded. Unmodifiable and insertion-ordered; a repeated name keeps its first
 * position and last value; values equal to {@code _undef_} are absent. Safe to share between
 * threads.
 *
 * <p>Two ways to find a name: {@link IndexedHeaders} indexes the names of one event, {@link
 * LayoutHeaders} uses a {@link HeaderLayout} that a connection learned from earlier events of the
 * same kind and shares between them.
 */
abstract sealed class PlainHeaders extends AbstractMap<String, String> permits IndexedHeaders, LayoutHeaders {

    final byte[] bytes;
    private final String contentLength;
    private final int blankLine;
    PlainHeaders(byte[] bytes, String contentLength, int blankLine) {
        this.bytes = bytes;
        this.contentLength = contentLength;
        this.blankLine = blankLine;
    }

    /** The Content-Length line of the event itself, or null when it has no body. */
    final String contentLength() {
        return contentLength;
    }

    /** Index of the first {@code \n} of the {@code \n\n} that ends the headers, or -1 when none does. */
    final int blankLine() {
        return blankLine;
    }

    /** The handle of a header, or -1 when the event has none of that name. */
    abstract int handle(String name);

    /** The handles of the headers in the order they arrived. */
    abstract int[] handlesInOrder();

    abstract String name(int handle);

    /** Where the name of the header ends: at the ':' of its line, where its value follows. */
    abstract int colon(int handle);

    @Override
    public final boolean containsKey(Object key) {
        return key instanceof String name && handle(name) >= 0;
    }

    @Override
    public final String get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        int handle = handle(name);
        return handle < 0 ? null : value(handle);
    }

    final String value(int handle) {
        return PlainLines.value(bytes, colon(handle));
    }

    @Override
    public final Set<Entry<String, String>> entrySet() {
        int[] handles = handlesInOrder();
        return new OrderedEntries(handles.length, position -> name(handles[position]),
                position -> value(handles[position]));
    }
}
