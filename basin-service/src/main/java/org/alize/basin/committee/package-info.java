/**
 * The basin's committees, dated so that their composition on any past date can be read: the approval
 * committee (R-06: representatives of partner organisations, one ASTREES representative, optional relay
 * structures, a president who is an in-activity representative of a partner company; a quorum rule)
 * and the local steering committee (R-07: chaired by the Préfet or his representative, or by a local
 * authority with a substantial financial share).
 */
package org.alize.basin.committee;
