/**
 * The platform on one machine, one command: Kafka and MongoDB in-process with their data under
 * {@code .alize/}, a development token issuer (until identity-service takes over), every service of
 * {@link org.alize.localstack.Services#ALL} as its own JVM with lean flags, health-checked, logs
 * prefixed on the console and kept under {@code .alize/logs/}, then each demo seeder of
 * {@link org.alize.localstack.Seeders#ALL} once. Ctrl-C stops everything.
 */
package org.alize.localstack;
