/**
 * Subsidised loans and direct financing the committee granted: recorded from the signed convention
 * and followed (the lender's payment, the funder's payment); their money does not pass through the fund.
 */
package org.alize.finance.support;
