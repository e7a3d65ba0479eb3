/**
 * Interest-free repayable advances, as Apache Fineract handles loans for our case:
 * one aggregate per advance holds its terms, schedule (and former schedules), disbursements in tranches,
 * repayments allocated to the oldest instalment due, write-offs and recoveries.
 */
package org.alize.finance.advance;
