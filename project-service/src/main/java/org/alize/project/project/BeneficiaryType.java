package org.alize.project.project;

/** Who ALIZÉ supports, in order of priority; no size or sector limit. */
public enum BeneficiaryType {
    /** PME existante en développement — the first priority */
    EXISTING_SME_DEVELOPMENT,
    /** reprise d'entreprise */
    BUSINESS_TAKEOVER,
    /** projet peu créateur d'emplois à court terme mais structurant pour le territoire */
    STRUCTURING_PROJECT,
    /** créateur d'entreprise à potentiel de TPE ou PME */
    SME_POTENTIAL_CREATION;

    /** 1 for the first priority. */
    public int priority() {
        return ordinal() + 1;
    }
}
