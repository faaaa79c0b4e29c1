package com.cloudpbx.freeswitch.esl.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Plain event headers with an index of their own: one pass over the lines records where each name
 * starts and ends (its value follows) and files the names in an open-addressing table. Any event
 * reads this way; a connection's {@link PlainEventReader} uses it for events no {@link HeaderLayout}
 * of its fits.
 */
final class IndexedHeaders extends PlainHeaders {

    private static final int NAME_START = 0;
    private static final int NAME_END = 1;
    /** Ints per header; the value follows the name's end. */
    private static final int SPAN = 2;

    private final int[] spans;
    private final int size;
    private final NameIndex index;
    /** Names with bytes outside ASCII, decoded while parsing so lookups compare characters; else null. */
    private final String[] decodedNames;

    private IndexedHeaders(byte[] bytes, Parse parse) {
        super(bytes, parse.contentLength, parse.blankLine);
        this.spans = parse.spans;
        this.size = parse.size;
        this.index = parse.index;
        this.decodedNames = parse.decodedNames;
    }

    /**
     * Reads the {@code Name: value} lines of {@code bytes} up to the first blank line (the whole array
     * when there is none). Values equal to {@code _undef_} are left out; a {@code Content-Length} line
     * is kept apart (it frames the event body). The array is kept, not copied.
     */
    static IndexedHeaders parse(byte[] bytes) {
        Parse parse = new Parse(bytes);
        parse.run();
        return new IndexedHeaders(bytes, parse);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    int handle(String name) {
        for (int slot = index.firstSlot(NameHash.of(name)); ; slot = index.nextSlot(slot)) {
            int handle = index.entry(slot);
            if (handle < 0 || nameEquals(handle, name)) {
                return handle;
            }
        }
    }

    @Override
    int[] handlesInOrder() {
        int[] handles = new int[size];
        Arrays.setAll(handles, i -> i);
        return handles;
    }

    @Override
    String name(int handle) {
        if (decodedNames != null && decodedNames[handle] != null) {
            return decodedNames[handle];
        }
        int start = spans[handle * SPAN + NAME_START];
        return new String(bytes, start, spans[handle * SPAN + NAME_END] - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    int colon(int handle) {
        return spans[handle * SPAN + NAME_END];
    }

    private boolean nameEquals(int handle, String name) {
        if (decodedNames != null && decodedNames[handle] != null) {
            return decodedNames[handle].equals(name);
        }
        return ByteScan.isName(bytes, spans[handle * SPAN + NAME_START], spans[handle * SPAN + NAME_END], name);
    }

    /** One pass over the lines; single use. */
    private static final class Parse {
        private final byte[] bytes;
        private int[] spans;
        private NameIndex index;
        private int size;
        private String[] decodedNames;
        private String contentLength;
        private int blankLine = -1;

        Parse(byte[] bytes) {
            this.bytes = bytes;
            // About one header per 40 bytes; grows if the lines are shorter.
            this.spans = new int[Math.max(16, bytes.length / 40) * SPAN];
            this.index = new NameIndex(spans.length / SPAN);
        }

        void run() {
            byte[] bytes = this.bytes;
            int to = bytes.length;
            int line = 0;
            while (line < to) {
                if (bytes[line] == '\n') {
                    // Every line but the first follows a newline, so this one is the blank line.
                    if (line > 0) {
                        blankLine = line - 1;
                        return;
                    }
                    line++;
                    continue;
                }
                long nameEnd = PlainLines.nameEnd(bytes, line, to);
                int colon = PlainLines.position(nameEnd);
                if (colon == to) {
                    return;
                }
                if (bytes[colon] == '\n') {
                    line = colon + 1;
                    continue;
                }
                int end = ByteScan.indexOf(bytes, colon + 1, to, (byte) '\n');
                if (end < 0) {
                    end = to;
                }
                if (colon > line) {
                    header(line, colon, end, PlainLines.nonAscii(nameEnd));
                }
                line = end + 1;
            }
        }

        private void header(int nameStart, int nameEnd, int lineEnd, boolean nonAscii) {
            int valueEnd = PlainLines.valueEnd(bytes, nameEnd, lineEnd);
            int valueStart = PlainLines.valueStart(bytes, nameEnd, valueEnd);
            if (PlainLines.isUndefined(bytes, valueStart, valueEnd)) {
                return;
            }
            if (PlainLines.isContentLength(bytes, nameStart, nameEnd)) {
                contentLength = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                return;
            }
            if (size * SPAN + SPAN > spans.length) {
                grow();
            }
            String decodedName = nonAscii ? new String(bytes, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8) : null;
            int hash = nonAscii ? NameHash.of(decodedName) : NameHash.of(bytes, nameStart, nameEnd);
            int slot = index.firstSlot(hash);
            for (int handle; (handle = index.entry(slot)) >= 0; slot = index.nextSlot(slot)) {
                if (sameName(handle, nameStart, nameEnd, decodedName)) {
                    // First position, last value: the span now points at this line.
                    spans[handle * SPAN + NAME_START] = nameStart;
                    spans[handle * SPAN + NAME_END] = nameEnd;
                    return;
                }
            }
            int at = size * SPAN;
            spans[at + NAME_START] = nameStart;
            spans[at + NAME_END] = nameEnd;
            if (decodedName != null) {
                if (decodedNames == null) {
                    decodedNames = new String[spans.length / SPAN];
                }
                decodedNames[size] = decodedName;
            }
            index.file(slot, size);
            size++;
        }

        private boolean sameName(int handle, int nameStart, int nameEnd, String decodedName) {
            if (decodedName != null) {
                return decodedNames != null && decodedName.equals(decodedNames[handle]);
            }
            int start = spans[handle * SPAN + NAME_START];
            int length = nameEnd - nameStart;
            return spans[handle * SPAN + NAME_END] - start == length && ByteScan.equals(bytes, start, bytes, nameStart, length);
        }

        private void grow() {
            spans = Arrays.copyOf(spans, spans.length * 2);
            if (decodedNames != null) {
                decodedNames = Arrays.copyOf(decodedNames, spans.length / SPAN);
            }
            index = new NameIndex(spans.length / SPAN);
            for (int i = 0; i < size; i++) {
                index.add(decodedNames != null && decodedNames[i] != null
                        ? NameHash.of(decodedNames[i])
                        : NameHash.of(bytes, spans[i * SPAN + NAME_START], spans[i * SPAN + NAME_END]), i);
            }
        }
    }
}
