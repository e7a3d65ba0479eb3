package org.alize.project.session;

/** A project on the agenda, with what the minutes need to name it. */
public record AgendaItem(String projectId, String reference, String companyName, String prescriberName) {
}
