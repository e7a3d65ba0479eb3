/**
 * Benchmarks that print their figures (DESIGN.md): not tests, not a CI gate. Each starts what it measures
 * from the built jars on free ports, loads a synthetic network, then drives it at a fixed rate (open loop)
 * and records every latency from the request's intended start, so that a stall shows instead of hiding.
 */
package org.alize.bench;
