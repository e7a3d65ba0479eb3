/**
 * The cooperation convention: signed after approval by the SME's head, the committee president,
 * each partner company giving skills and the mandatary if different, its advance annex also by the
 * operator with the repayment calendar drawn from the granted terms. Support starts only once every
 * signature is in. The convention checks and records each signature itself; the project aggregate holds it
 * and its API ({@code project.CooperationController}); nothing here knows the project.
 */
package org.alize.project.cooperation;
