/**
 * What happens once support starts: skills missions delivered by partner companies, valued in euros,
 * and the mandatary's follow-up reports — one expected every 6 months, overdue ones flagged,
 * closure not before 18 months after the convention's signature. Entities the project aggregate holds; their
 * API is {@code project.FollowUpController}; nothing here knows the project.
 */
package org.alize.project.followup;
