package dev.instanceha.hostmonitor.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The last {@code monitoring_samples} observations; a value counts only once all of them agree. */
final class SampleWindow {

    private final int size;
    private final Deque<Observation> samples = new ArrayDeque<>();

    SampleWindow(int size) {
        this.size = size;
    }

    void add(Observation o) {
        samples.addLast(o);
        while (samples.size() > size) {
            samples.removeFirst();
        }
    }

    Optional<Observation> stable() {
        if (samples.size() < size) {
            return Optional.empty();
        }
        Observation first = samples.peekFirst();
        return samples.stream().allMatch(first::equals) ? Optional.of(first) : Optional.empty();
    }
}
