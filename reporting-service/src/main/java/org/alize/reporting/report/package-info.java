/**
 * The yearly reports in PDF: a basin's activity report for its steering committee and the network's annual report
 * for ASTREES, made from the indicators' views (every figure in them is one the API gives).
 */
package org.alize.reporting.report;
