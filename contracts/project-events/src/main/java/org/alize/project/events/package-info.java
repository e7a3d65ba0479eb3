/**
 * What project-service publishes on {@value org.alize.project.events.ProjectEvents#TOPIC}: past-tense
 * records carrying the state a consumer needs. Consumers depend on this jar, never on project-service.
 */
package org.alize.project.events;
