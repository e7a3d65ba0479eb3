package org.alize.basin.organisation;

/** What an organisation is to the basin. */
public enum OrganisationKind {
    /** partenaire entreprise: pledges money and skills */
    PARTNER_COMPANY,
    /** partenaire associé: chamber, development agency, PFIL, local authority service… */
    ASSOCIATED_PARTNER,
    /** financeur public: local authority, State service, Caisse des dépôts */
    PUBLIC_FUNDER,
    /** a body that only carries operator functions */
    OPERATOR_BODY
}
