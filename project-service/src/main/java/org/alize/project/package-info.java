/**
 * project-service: the heart of a basin's daily work. Projects from submission through diagnosis, the
 * approval committee's sessions and decisions, the cooperation convention and its signatures, skills
 * missions and the mandatary's follow-up, to closure; the steering committee's a-posteriori validation.
 * It publishes {@code alize.project.v1} and keeps a local replica of what basin-service publishes.
 */
package org.alize.project;
