/**
 * The harness every event type goes through: a JSON Schema and a golden JSON per type, found on the
 * classpath at {@code schemas/<ce_type>.schema.json} and {@code golden/<ce_type>.json}.
 *
 * <p>A contracts module runs {@link org.alize.testing.contract.EventContract#catalogTests} over its
 * catalogue; a producer checks what it emits with
 * {@link org.alize.testing.contract.EventContract#assertConforms(String, String)}; a consumer reads the
 * golden files with {@link org.alize.testing.contract.EventContract#readGolden}. No Spring here.
 */
package org.alize.testing.contract;
