package dev.instanceha.ops.host;

/** The machine a unit runs on, as the charm may change it. */
public interface Host {
    Packages packages();

    FileSystem files();

    Services services();

    Commands commands();
}
