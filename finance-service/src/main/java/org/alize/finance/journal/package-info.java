/**
 * The double-entry journal: every movement of money is a balanced entry, built idempotently from
 * {@code alize.finance.v1} (one entry per event, keyed by its {@code ce_id}, so replaying the topic changes
 * nothing); entries are never edited, only reversed by a new entry; every balance is a sum over the
 * journal. A reconciliation compares the journal with the advances; the journal exports as FEC and CSV.
 */
package org.alize.finance.journal;
