/**
 * The project: an SME's job-creating project, from submission by a prescriber through
 * diagnosis and the committee's decision to its cooperation convention, skills missions, follow-up and
 * closure. One aggregate, one document: every step is one atomic write with its events.
 */
package org.alize.project.project;
