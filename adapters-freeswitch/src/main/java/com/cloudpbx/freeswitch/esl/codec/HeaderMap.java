package com.cloudpbx.freeswitch.esl.codec;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;

/**
 * The headers of one event: an unmodifiable, insertion-ordered map kept in two arrays with an
 * open-addressing index. A channel event carries ~200 headers and thousands arrive per second; a
 * LinkedHashMap spends more time allocating and linking its entries than parsing takes, this costs
 * two array slots and one int per header. A repeated name keeps its first position and last value,
 * as LinkedHashMap would.
 */
final class HeaderMap extends AbstractMap<String, String> {

    private final String[] names;
    private final String[] values;
    private final int size;
    private final NameIndex index;

    private HeaderMap(String[] names, String[] values, int size, NameIndex index) {
        this.names = names;
        this.values = values;
        this.size = size;
        this.index = index;
    }

    static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && slotOf(index, names, name) >= 0;
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        int position = slotOf(index, names, name);
        return position < 0 ? null : values[position];
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new OrderedEntries(size, position -> names[position], position -> values[position]);
    }

    /** Position of {@code name} in the arrays, or -1. */
    private static int slotOf(NameIndex index, String[] names, String name) {
        for (int slot = index.firstSlot(spread(name.hashCode())); ; slot = index.nextSlot(slot)) {
            int position = index.entry(slot);
            if (position < 0 || names[position].equals(name)) {
                return position;
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Collects headers in order; single use, not thread-safe. */
    static final class Builder {

        private String[] names;
        private String[] values;
        private int size;
        private NameIndex index;

        private Builder(int expectedSize) {
            int capacity = Math.max(8, expectedSize);
            names = new String[capacity];
            values = new String[capacity];
            index = new NameIndex(capacity);
        }

        void put(String name, String value) {
            int existing = slotOf(index, names, name);
            if (existing >= 0) {
                values[existing] = value;
                return;
            }
            if (size == names.length) {
                grow();
            }
            names[size] = name;
            values[size] = value;
            index.add(spread(name.hashCode()), size);
            size++;
        }

        HeaderMap build() {
            return new HeaderMap(names, values, size, index);
        }

        private void grow() {
            int capacity = names.length * 2;
            names = Arrays.copyOf(names, capacity);
            values = Arrays.copyOf(values, capacity);
            index = new NameIndex(capacity);
            for (int i = 0; i < size; i++) {
                index.add(spread(names[i].hashCode()), i);
            }
        }
    }
}
