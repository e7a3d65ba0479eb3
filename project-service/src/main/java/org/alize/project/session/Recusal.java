package org.alize.project.session;

/** A member who does not vote on one item: declared (linked to the SME) or automatic (their company gives skills to it). */
public record Recusal(String personId, String name, String projectId, String reason, boolean automatic) {
}
