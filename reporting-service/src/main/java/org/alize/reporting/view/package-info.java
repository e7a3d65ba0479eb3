/**
 * What the API shows: a basin's year beside its references and the network's anonymised quartiles, its
 * series and convention periods; the network's per-basin table with ranks and quartiles, totals and series.
 * Every view reads the pre-aggregated indicator documents (one per basin and year), never the events.
 */
package org.alize.reporting.view;
