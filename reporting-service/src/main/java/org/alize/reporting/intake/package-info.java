/**
 * Events into facts: each fact is keyed by the business id it describes (project, advance, session,
 * movement…) and every change is a {@code $set} of a value the event carries, never an increment, so a
 * redelivered or replayed event writes the same thing again.
 */
package org.alize.reporting.intake;
