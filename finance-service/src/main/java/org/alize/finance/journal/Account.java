package org.alize.finance.journal;

/**
 * The small chart of accounts behind the basin's two bank accounts, numbered in the manner of the
 * French chart of accounts so that the FEC export reads as accountants expect.
 */
public enum Account {
    FUND_BANK("512100", "Banque — fonds d'avances"),
    OPERATING_BANK("512200", "Banque — compte de fonctionnement"),
    ADVANCES_RECEIVABLE("274100", "Avances remboursables accordées"),
    FUND_ENDOWMENT("102100", "Dotations des partenaires au fonds d'avances"),
    OPERATING_CONTRIBUTIONS("756100", "Contributions des partenaires au fonctionnement"),
    LOSSES("654100", "Pertes sur avances"),
    RECOVERIES("774100", "Récupérations sur avances passées en perte"),
    LOCAL_ENGINEERING("611000", "Ingénierie locale"),
    OPERATOR_REIMBURSEMENT("621400", "Remboursement de l'opérateur"),
    OTHER_EXPENSES("628000", "Autres charges de fonctionnement"),
    VALUED_SKILLS("864000", "Mises à disposition de compétences"),
    VALUED_IN_KIND("861000", "Prestations en nature"),
    VALUED_CONTRIBUTIONS("875000", "Contributions volontaires en nature");

    private final String number;
    private final String label;

    Account(String number, String label) {
        this.number = number;
        this.label = label;
    }

    public String number() {
        return number;
    }

    public String label() {
        return label;
    }
}
