package com.cloudpbx.freeswitch.esl.codec;

/**
 * Where each name of a header map sits, filed by a hash of the name in an open-addressing table
 * with linear probing, kept at most half full. Each map numbers its headers 0, 1, 2 ... in the
 * order they arrived and files those numbers here, so finding a name costs no entry object per
 * header. The maps hash and compare the names themselves: a name read from bytes is hashed and
 * compared in place (see {@link NameHash}), one asked for as a {@link String} by its characters.
 *
 * <p>A lookup walks the slots from {@link #firstSlot} with {@link #nextSlot} until {@link
 * #entry} is the name's number, or -1 where the name is absent. Filled by one thread; safe to share
 * once filled.
 */
final class NameIndex {

    /** Number + 1 per slot, 0 for an empty one. */
    private final int[] slots;
    private final int mask;

    /** An empty index for up to {@code names} names (at least 8) at most half full. */
    NameIndex(int names) {
        slots = new int[Integer.highestOneBit(Math.max(8, names) * 2 - 1) << 1];
        mask = slots.length - 1;
    }

    int firstSlot(int hash) {
        return hash & mask;
    }

    int nextSlot(int slot) {
        return (slot + 1) & mask;
    }

    /** The number filed in {@code slot}, or -1 when it is empty. */
    int entry(int slot) {
        return slots[slot] - 1;
    }

    /** Files {@code number} in {@code slot}, an empty one a lookup ended on. */
    void file(int slot, int number) {
        slots[slot] = number + 1;
    }

    /** Files {@code number} under {@code hash}, for a name known not to be filed yet. */
    void add(int hash, int number) {
        int slot = hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = number + 1;
    }
}
