/**
 * Approval committee sessions: a scheduled date and an agenda of projects ready for the
 * committee; the attendance, checked against the committee's composition on that date and its quorum;
 * declared and automatic recusals (a member linked to the SME, or to a partner giving skills, does not
 * vote on it); one decision per agenda item, written on the project; the minutes as a PDF; and the
 * local steering committee's a-posteriori validation.
 */
package org.alize.project.session;
