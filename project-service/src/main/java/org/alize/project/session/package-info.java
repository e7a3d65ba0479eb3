/**
 * Approval committee sessions: a scheduled date and an agenda of projects ready for the
 * committee; the attendance, checked against the committee's composition on that date and its quorum;
 * declared recusals (a member who declares a conflict does not vote on the item) and flagged interests (a
 * member whose company gives skills or help in kind is pointed out to the president, and votes, R-23); one decision per agenda item, written on the project; the minutes as a PDF; and the
 * local steering committee's a-posteriori validation.
 */
package org.alize.project.session;
