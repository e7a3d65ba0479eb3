/**
 * What basin-service publishes on {@value org.alize.basin.events.BasinEvents#TOPIC}: past-tense records
 * carrying the state a consumer needs. Consumers depend on this jar, never on basin-service; they read
 * each type into their own class and ignore fields they do not know. A breaking change is a new
 * {@code v2} type, published beside {@code v1} while consumers move.
 */
package org.alize.basin.events;
