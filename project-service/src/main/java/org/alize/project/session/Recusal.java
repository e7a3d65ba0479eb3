package org.alize.project.session;

/**
 * A member who does not vote on one item, having declared a conflict of interest. {@code automatic} is
 * true only on recusals recorded before R-23 was read right (no recusal is automatic any more).
 */
public record Recusal(String personId, String name, String projectId, String reason, boolean automatic) {
}
