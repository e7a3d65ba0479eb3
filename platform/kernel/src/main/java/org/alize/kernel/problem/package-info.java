/**
 * Refusals a service's domain code throws, without Spring, and that the web layer turns into RFC 9457
 * problem documents with a French {@code detail}: {@link org.alize.kernel.problem.NotFound} (404),
 * {@link org.alize.kernel.problem.Conflict} (409, such as an illegal state transition),
 * {@link org.alize.kernel.problem.RuleViolation} (422, naming the DOMAIN.md rule) and
 * {@link org.alize.kernel.problem.InvalidInput} (400, with per-field errors).
 */
@NullMarked
package org.alize.kernel.problem;

import org.jspecify.annotations.NullMarked;
