/**
 * Partnership conventions: a 3-year contract signed by all partners, with each partner's
 * pledge in cash, skills and in kind, its objectives (by default the reference activity of R-41), its
 * 3-year budget annex and the operator convention signed with it. Signing needs at least four
 * partner companies; the resource profile is shown against the reference, not refused;
 * a renewal is a new convention linked to the previous.
 */
package org.alize.basin.convention;
