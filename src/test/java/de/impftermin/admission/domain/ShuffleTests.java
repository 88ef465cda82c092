package de.impftermin.admission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffleTests {

    @Test
    void mapsEveryJoinNumberToADistinctPlace() {
        for (long size : new long[] {1, 2, 3, 7, 64, 1000, 1025, 40_000}) {
            Shuffle shuffle = new Shuffle(42L + size, size);
            BitSet seen = new BitSet();
            for (long i = 0; i < size; i++) {
                long place = shuffle.place(i);
                assertThat(place).isBetween(0L, size - 1);
                assertThat(seen.get((int) place))
                        .as("place %d of size %d twice", place, size)
                        .isFalse();
                seen.set((int) place);
            }
        }
    }

    @Test
    void joiningEarlierGivesNoAdvantage() {
        int size = 2000;
        int seeds = 400;
        SplittableRandom random = new SplittableRandom(7);
        double firstJoinersMeanPlace = 0;
        double lastJoinersMeanPlace = 0;
        for (int s = 0; s < seeds; s++) {
            Shuffle shuffle = new Shuffle(random.nextLong(), size);
            for (int i = 0; i < 100; i++) {
                firstJoinersMeanPlace += shuffle.place(i);
                lastJoinersMeanPlace += shuffle.place(size - 1 - i);
            }
        }
        firstJoinersMeanPlace /= seeds * 100.0;
        lastJoinersMeanPlace /= seeds * 100.0;
        // uniform places have mean 999.5 and a standard error of ~2.9 over 40,000 samples
        assertThat(firstJoinersMeanPlace).isBetween(970.0, 1030.0);
        assertThat(lastJoinersMeanPlace).isBetween(970.0, 1030.0);
    }

    @Test
    void spreadsTheFirstJoinerEvenlyOverTheQueue() {
        int size = 100;
        int[] quarter = new int[4];
        SplittableRandom random = new SplittableRandom(11);
        for (int s = 0; s < 8000; s++) {
            quarter[(int) (new Shuffle(random.nextLong(), size).place(0) / 25)]++;
        }
        for (int count : quarter) {
            assertThat(count).isBetween(1800, 2200);
        }
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        Shuffle a = new Shuffle(1, 1000);
        Shuffle b = new Shuffle(2, 1000);
        int same = 0;
        for (int i = 0; i < 1000; i++) {
            if (a.place(i) == b.place(i)) {
                same++;
            }
        }
        assertThat(same).isLessThan(20);
    }
}
