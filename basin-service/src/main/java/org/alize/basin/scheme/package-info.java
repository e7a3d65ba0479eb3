/**
 * The register of the other local support schemes (R-08: PFIL, Réseau Entreprendre, SPL…), so that
 * ALIZÉ complements them; projects record which of them also support them.
 */
package org.alize.basin.scheme;
