package com.cloudpbx.freeswitch.esl.codec;

import java.util.Arrays;

/**
 * Reads the text/event-plain events of one connection, remembering a {@link HeaderLayout} per kind
 * of event (its first line, e.g. {@code Event-Name: CHANNEL_HANGUP_COMPLETE}) so that the next
 * event of that kind is read by confirming names rather than indexing them.
 *
 * <p>Belongs to one connection and is used on its event loop only: the layouts are learned from
 * that switch's events, and nothing here is shared or locked. The layouts themselves are immutable
 * and travel with the events they read.
 *
 * <p>A kind whose events keep bringing names the layout lacks (a stream where every event differs)
 * is relearned less and less often, so that learning never costs more than it saves.
 */
final class PlainEventReader {

    /** Kinds remembered at once; FreeSWITCH has about a hundred, a subscriber sees a handful. */
    private static final int KINDS = 64;
    /** A first line longer than this is not a kind of event but a value: such events are not learned. */
    private static final int MAX_KIND_BYTES = 128;

    private final Kind[] kinds = new Kind[KINDS];

    private static final class Kind {
        private final byte[] firstLine;
        private HeaderLayout layout;
        /** Events in a row that did not fit the layout. */
        private int misses;

        Kind(byte[] firstLine) {
            this.firstLine = firstLine;
        }
    }

    /** The headers of a text/event-plain body; the body array is kept, not copied. */
    PlainHeaders read(byte[] bytes) {
        int firstLineEnd = ByteScan.indexOf(bytes, 0, Math.min(bytes.length, MAX_KIND_BYTES + 1), (byte) '\n');
        if (firstLineEnd <= 0) {
            return IndexedHeaders.parse(bytes);
        }
        Kind kind = kind(bytes, firstLineEnd);
        // After a few misses in a row the layout is tried, and relearned, only at powers of two.
        boolean tried = kind.layout != null && (kind.misses < 4 || Integer.bitCount(kind.misses) == 1);
        if (tried) {
            PlainHeaders headers = LayoutHeaders.parse(bytes, kind.layout);
            if (headers != null) {
                kind.misses = 0;
                return headers;
            }
        }
        kind.misses++;
        if (Integer.bitCount(kind.misses) == 1) {
            kind.layout = HeaderLayout.learn(bytes, kind.layout);
            if (kind.layout != null) {
                PlainHeaders headers = LayoutHeaders.parse(bytes, kind.layout);
                if (headers != null) {
                    return headers;
                }
            }
        }
        return IndexedHeaders.parse(bytes);
    }

    private Kind kind(byte[] bytes, int firstLineEnd) {
        int at = NameHash.of(bytes, 0, firstLineEnd) & (KINDS - 1);
        Kind kind = kinds[at];
        if (kind == null || kind.firstLine.length != firstLineEnd || !ByteScan.equals(kind.firstLine, 0, bytes, 0, firstLineEnd)) {
            // A different kind in the same place takes it over: the cache stays small and simple.
            kind = new Kind(Arrays.copyOf(bytes, firstLineEnd));
            kinds[at] = kind;
        }
        return kind;
    }
}
