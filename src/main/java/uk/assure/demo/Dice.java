package uk.assure.demo;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Every choice the demo makes, from one seeded {@link Random}: the same seed makes the same choices. */
final class Dice {

    private final Random random;

    Dice(Random random) {
        this.random = random;
    }

    /** Inclusive at both ends. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** From 0 up to, not including, {@code bound}. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    void shuffle(List<?> list) {
        Collections.shuffle(list, random);
    }

    /** One of the indexes below {@code size} that pass, or -1 when none does. */
    int anyIndex(int size, IntPredicate eligible) {
        List<Integer> indexes =
                IntStream.range(0, size).filter(eligible).boxed().toList();
        return indexes.isEmpty() ? -1 : indexes.get(random.nextInt(indexes.size()));
    }
}
