package dev.instanceha.interfaces;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading a relation: either typed data, or a reason (naming the key) why the
 * relation cannot be used yet. Reading never throws on bad peer data; it ends here instead.
 */
public sealed interface Completeness<T> permits Completeness.Complete, Completeness.Incomplete {

    static <T> Completeness<T> complete(T value) {
        return new Complete<>(value);
    }

    static <T> Completeness<T> incomplete(String reason) {
        return new Incomplete<>(reason);
    }

    boolean isComplete();

    /** The data when complete. */
    Optional<T> value();

    /** Why it is incomplete; empty when complete. */
    Optional<String> reason();

    default <R> Completeness<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Complete<T> c) {
            return new Complete<>(f.apply(c.data()));
        }
        return new Incomplete<>(((Incomplete<T>) this).why());
    }

    /** Complete data. */
    record Complete<T>(T data) implements Completeness<T> {
        public Complete {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean isComplete() {
            return true;
        }

        @Override
        public Optional<T> value() {
            return Optional.of(data);
        }

        @Override
        public Optional<String> reason() {
            return Optional.empty();
        }
    }

    /** Not usable yet; {@code why} names the missing or malformed key and the unit it came from. */
    record Incomplete<T>(String why) implements Completeness<T> {
        public Incomplete {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public boolean isComplete() {
            return false;
        }

        @Override
        public Optional<T> value() {
            return Optional.empty();
        }

        @Override
        public Optional<String> reason() {
            return Optional.of(why);
        }
    }
}
