/**
 * finance-service: the basin's two accounts, partners' contributions, interest-free advances from
 * signed cooperation conventions with their schedules, disbursements, repayments, arrears, reschedulings,
 * write-offs and recoveries, operating expenses, and the double-entry journal every
 * balance is a sum over. It publishes {@code alize.finance.v1} and builds its journal from it.
 */
package org.alize.finance;
