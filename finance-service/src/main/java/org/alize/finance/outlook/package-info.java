/**
 * The advance fund's outlook: its balance projected month by month from the journal's balance, the
 * schedules still to be repaid (less the basin's observed loss rate), the advances granted but not yet
 * paid out and the approvals planned, against the fund's critical size of 400–500 k€.
 */
package org.alize.finance.outlook;
