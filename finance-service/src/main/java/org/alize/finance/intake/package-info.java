/**
 * What finance-service takes from the other services' events: each signed cooperation convention opens
 * its project's advance (once, however often the event arrives) and records its other granted support.
 */
package org.alize.finance.intake;
