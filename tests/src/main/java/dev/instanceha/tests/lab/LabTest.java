package dev.instanceha.tests.lab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs the lab: before its tests, every component runs with at least
 * {@link #computes()} compute hosts (started through tests/lab/up when absent). Test methods and
 * constructors may take {@link Lab}, {@link Database}, {@link Broker}, {@link Keystone},
 * {@link Masakari}, {@link Cluster}, {@link NovaSim} and {@link MaasSim} parameters.
 * A component that cannot be had fails the test with the command that fixes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LabExtension.class)
@Tag("lab")
public @interface LabTest {
    int computes() default 3;
}
