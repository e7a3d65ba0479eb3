/**
 * Indicators of a basin for a calendar year, each beside its reference:
 * computed from the basin's facts and kept as one document per basin and year; the network view and its
 * ranks and quartiles read those documents only.
 */
@NullMarked
package org.alize.reporting.indicator;

import org.jspecify.annotations.NullMarked;
