/**
 * Test support for every module: one way to get Kafka and MongoDB ({@link org.alize.testing.WithAlizeInfra}),
 * a test token issuer ({@link org.alize.testing.TestIssuer}) and the event-contract harness
 * ({@link org.alize.testing.contract.EventContract}).
 *
 * <p>The infrastructure is chosen by the system property {@code alize.test.infra}: {@code embedded}
 * (the default: in-process Kafka and mongo-java-server), {@code containers} (real {@code mongo} as a
 * single-node replica set and {@code apache/kafka} through Testcontainers; skipped, not failed, where
 * Docker is not available) or {@code auto} (containers where Docker runs, embedded elsewhere).
 */
package org.alize.testing;
