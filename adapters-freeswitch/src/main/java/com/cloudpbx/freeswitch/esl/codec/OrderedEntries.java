package com.cloudpbx.freeswitch.esl.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * The entry set of an immutable header map whose headers are numbered 0 to size - 1 in the
 * order they arrived; names and values are read (and decoded) only as the entries are.
 */
final class OrderedEntries extends AbstractSet<Map.Entry<String, String>> {

    private final int size;
    private final IntFunction<String> names;
    private final IntFunction<String> values;

    OrderedEntries(int size, IntFunction<String> names, IntFunction<String> values) {
        this.size = size;
        this.names = names;
        this.values = values;
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Map.Entry<String, String> next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int position = next++;
                return new AbstractMap.SimpleImmutableEntry<>(names.apply(position), values.apply(position));
            }
        };
    }

    @Override
    public int size() {
        return size;
    }
}
