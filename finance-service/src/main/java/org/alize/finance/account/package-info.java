/**
 * The basin's money outside advances: the two dedicated accounts and the transfers between them on a
 * recorded approval, partners' contributions against their pledges (cash, or skills and in kind
 * valued for the resource profile), and the operating account's expenses with the operator's
 * reimbursement capped at 10 000 € a year.
 */
package org.alize.finance.account;
