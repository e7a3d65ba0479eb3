/**
 * Personal data: ASTREES erases a person of a basin at their request (RGPD art. 17). The people feature does the work
 * (key destroyed, basin's database scrubbed, record anonymised, {@code PersonErased} published); this one checks the
 * basin exists in the registry first, so that neither feature depends on the other.
 */
package org.alize.basin.privacy;
