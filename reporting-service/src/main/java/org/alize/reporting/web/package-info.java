/**
 * The reporting API. Basin paths answer for the caller's own basin (the tenancy filter sees to it) with the
 * network's anonymised quartiles; network paths need a network role. Every view answers JSON, CSV or XLSX
 * by the {@code Accept} header.
 */
package org.alize.reporting.web;
