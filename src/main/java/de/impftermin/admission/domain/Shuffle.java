package de.impftermin.admission.domain;

/**
 * A keyed pseudo-random permutation of {@code [0, size)}: a balanced Feistel network over the smallest even number of
 * bits that covers {@code size}, with cycle walking back into the range. It shuffles the pre-queue without storing a
 * single ticket: whoever knows the seed maps a ticket's join number to its place, and nobody knows the seed before
 * the opening instant, so the moment of joining the pre-queue gives no advantage.
 */
public final class Shuffle {

    private static final int ROUNDS = 6;

    private final long seed;
    private final long size;
    private final int halfBits;
    private final long halfMask;

    public Shuffle(long seed, long size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.seed = seed;
        this.size = size;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
    }

    /** The shuffled place in {@code [0, size)} of join number {@code index} in {@code [0, size)}. */
    public long place(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " outside [0, " + size + ")");
        }
        long x = index;
        do {
            x = encrypt(x);
        } while (x >= size);
        return x;
    }

    private long encrypt(long value) {
        long left = (value >>> halfBits) & halfMask;
        long right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ (mix(seed + round * 0x9E3779B97F4A7C15L, right) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    /** SplitMix64's finaliser over key and value: good avalanche, no allocation. */
    private static long mix(long key, long value) {
        long z = key ^ (value * 0xBF58476D1CE4E5B9L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
