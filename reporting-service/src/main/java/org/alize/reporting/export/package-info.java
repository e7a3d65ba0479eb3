/**
 * Every view as a table, written as CSV for French spreadsheets (semicolons, decimal commas, dd/MM/yyyy,
 * UTF-8 with a byte-order mark) or as XLSX with number, euro, percent and date cells.
 */
package org.alize.reporting.export;
