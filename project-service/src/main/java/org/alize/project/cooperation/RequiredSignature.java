package org.alize.project.cooperation;

/** A signature the convention needs; {@code key} names it in the API ({@code SME_HEAD}, {@code SKILLS_PARTNER:org-…}). */
public record RequiredSignature(String key, SignatoryRole role, String party, String organisationId) {

    public static RequiredSignature of(SignatoryRole role, String party, String organisationId) {
        return new RequiredSignature(role == SignatoryRole.SKILLS_PARTNER ? role.name() + ":" + organisationId : role.name(),
                role, party, organisationId);
    }
}
