/**
 * Real infrastructure started inside the current JVM, without Spring: an Apache Kafka broker in
 * KRaft mode built from Kafka's own server classes, and {@code mongo-java-server}, a MongoDB
 * wire-protocol server the real MongoDB driver talks to.
 *
 * <p>Tests use {@link org.alize.infra.EmbeddedMongo#inMemory(int)}; the local stack uses
 * {@link org.alize.infra.EmbeddedMongo#onFile(java.nio.file.Path, int)} and a Kafka data directory
 * under {@code .alize/}, so a restart finds its topics, offsets and documents again.
 */
package org.alize.infra;
