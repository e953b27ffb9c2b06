package io.flowpol.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A generator of values from a seeded random source: the few combinators the fuzz needs, so
 * that one seed rebuilds one input exactly (see {@link Fuzz} for why no property-testing
 * library is used).
 */
@FunctionalInterface
interface Gen<T> {
    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    /** A list of {@code min} to {@code max} values. */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int n = r.nextInt(min, max + 1);
            List<T> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(next(r));
            }
            return values;
        };
    }

    static Gen<Integer> between(int min, int max) {
        return r -> r.nextInt(min, max + 1);
    }

    static Gen<Boolean> bool() {
        return SplittableRandom::nextBoolean;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return r -> values[r.nextInt(values.length)];
    }

    static <E extends Enum<E>> Gen<E> of(Class<E> type) {
        return of(type.getEnumConstants());
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return r -> gens[r.nextInt(gens.length)].next(r);
    }

    /** {@code a} with weight {@code wa}, else {@code b}. */
    static <T> Gen<T> weighted(int wa, Gen<? extends T> a, int wb, Gen<? extends T> b) {
        return r -> r.nextInt(wa + wb) < wa ? a.next(r) : b.next(r);
    }
}
