/**
 * Rebuilding the read models from the topics: replay every record from the beginning into a new generation,
 * compare it with the live one once caught up, switch the views to it, then replay what arrived meanwhile.
 */
package org.alize.reporting.rebuild;
