package dev.instanceha.ops.charm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadVersionTest {
    @ParameterizedTest
    @CsvSource({
        "1:14.0.2-2ubuntu1, 14.0.2",
        "14.0.2-2, 14.0.2",
        "2.1.5-1+deb12u1, 2.1.5",
        "1:2.1.2-1ubuntu3, 2.1.2",
        "2.1~rc1-1, 2.1",
        "3.0, 3.0",
    })
    void showsTheUpstreamPartOfAPackageVersion(String debian, String upstream) {
        assertEquals(upstream, WorkloadVersion.upstream(debian));
    }
}
