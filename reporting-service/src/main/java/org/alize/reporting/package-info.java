/**
 * reporting-service: read models built only from {@code alize.basin.v1}, {@code alize.project.v1} and
 * {@code alize.finance.v1}. Events become facts keyed by business ids (replaying a topic rewrites the same
 * facts), and each basin's facts are rolled up into one indicators document per basin and year, so that a
 * network view reads one document per basin. Read models are network-level ({@code reporting_network});
 * the API filters them by the caller's grants.
 */
package org.alize.reporting;
