package org.alize.localstack;

/**
 * Seeds one part of the demo network of {@code ../shared/DEMO.md} through the public API. Runs once per
 * data directory: after it succeeds, a marker under {@code .alize/seeds/} keeps it from running again.
 */
public interface Seeder {

    /** Stable name, used for the marker file and the console. */
    String name();

    void seed(SeedContext context) throws Exception;
}
