package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Plain event headers read with a {@link HeaderLayout}: each line is expected to start with the
 * name that followed the previous one last time, which a few word comparisons confirm; a line that
 * does not is looked up in the layout by its name, so headers that are missing or come in another
 * order cost a lookup, not a failure. Only a name the layout does not know makes the reading fail,
 * and the connection then reads the event with {@link IndexedHeaders}.
 *
 * <p>Per event this keeps one int per name of the layout; the names and their index are the
 * layout's.
 */
final class LayoutHeaders extends PlainHeaders {

    private final HeaderLayout layout;
    /** Per slot: the position of the ':' that ends the name, + 1; 0 when the event has no such header. */
    private final int[] colons;
    /** Slots in the order the headers came, or null when that is ascending slot order. */
    private final int[] order;
    private final int size;

    private LayoutHeaders(byte[] bytes, HeaderLayout layout, Match match) {
        super(bytes, match.contentLength, match.blankLine);
        this.layout = layout;
        this.colons = match.colons;
        this.order = match.order;
        this.size = match.size;
    }

    /** Reads the header lines of {@code bytes}, or returns null when they do not fit {@code layout}. */
    static LayoutHeaders parse(byte[] bytes, HeaderLayout layout) {
        Match match = new Match(bytes, layout);
        return match.run() ? new LayoutHeaders(bytes, layout, match) : null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    int handle(String name) {
        int slot = layout.slotOf(name);
        return slot >= 0 && colons[slot] != 0 ? slot : -1;
    }

    @Override
    int[] handlesInOrder() {
        if (order != null) {
            return Arrays.copyOf(order, size);
        }
        int[] handles = new int[size];
        int count = 0;
        for (int slot = 0; count < size; slot++) {
            if (colons[slot] != 0) {
                handles[count++] = slot;
            }
        }
        return handles;
    }

    @Override
    String name(int handle) {
        return layout.name(handle);
    }

    @Override
    int colon(int handle) {
        return colons[handle] - 1;
    }

    /** One pass over the lines; single use. */
    private static final class Match {
        private final byte[] bytes;
        private final HeaderLayout layout;
        private final int[] colons;
        private int[] order;
        private int size;
        private String contentLength;
        private int blankLine = -1;

        Match(byte[] bytes, HeaderLayout layout) {
            this.bytes = bytes;
            this.layout = layout;
            this.colons = new int[layout.size()];
        }

        /**
         * False when a line has a name the layout lacks or none at all, or the headers do not end
         * with a blank line: cases the layout cannot hold or that are rare enough to leave to the index.
         */
        boolean run() {
            byte[] bytes = this.bytes;
            int[] colons = this.colons;
            HeaderLayout layout = this.layout;
            int to = bytes.length;
            int slots = layout.size();
            int framing = layout.framing();
            int expected = 0;
            int lastSlot = -1;
            int size = 0;
            int[] order = null;
            int line = 0;
            while (true) {
                if (line >= to) {
                    return false;
                }
                if (bytes[line] == '\n') {
                    if (line == 0) {
                        return false;
                    }
                    blankLine = line - 1;
                    this.size = size;
                    this.order = order;
                    return true;
                }
                int slot = expected;
                int end = slot < slots ? layout.lineEnd(slot, bytes, line) : HeaderLayout.OTHER_NAME;
                int colon;
                if (end >= 0) {
                    colon = line + layout.prefixLength(slot) - 2;
                } else if (end == HeaderLayout.NO_NEWLINE) {
                    return false;
                } else {
                    long nameEnd = PlainLines.nameEnd(bytes, line, to);
                    colon = PlainLines.position(nameEnd);
                    if (colon == to || colon == line || bytes[colon] != ':' || PlainLines.nonAscii(nameEnd)) {
                        return false;
                    }
                    slot = layout.slotOf(bytes, line, colon);
                    end = ByteScan.indexOf(bytes, colon + 1, to, (byte) '\n');
                    if (slot < 0 || end < 0) {
                        return false;
                    }
                }
                expected = slot + 1;
                line = end + 1;
                if (PlainLines.mayBeUndefined(colon, end) | slot == framing) {
                    // An _undef_ value or the event's own Content-Length: rare, so checked only here.
                    int valueEnd = PlainLines.valueEnd(bytes, colon, end);
                    int valueStart = PlainLines.valueStart(bytes, colon, valueEnd);
                    if (PlainLines.isUndefined(bytes, valueStart, valueEnd)) {
                        continue;
                    }
                    if (slot == framing) {
                        contentLength = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                        continue;
                    }
                }
                if (colons[slot] == 0) {
                    // A first occurrence; a repeated name only moves to the line of its new value.
                    if (slot < lastSlot && order == null) {
                        order = ascendingSoFar(size);
                    }
                    if (order != null) {
                        order[size] = slot;
                    }
                    lastSlot = slot;
                    size++;
                }
                colons[slot] = colon + 1;
            }
        }

        /** The slots seen so far, which came in ascending order, with room for the rest. */
        private int[] ascendingSoFar(int size) {
            int[] slots = new int[layout.size()];
            int count = 0;
            for (int slot = 0; count < size; slot++) {
                if (colons[slot] != 0) {
                    slots[count++] = slot;
                }
            }
            return slots;
        }
    }
}
