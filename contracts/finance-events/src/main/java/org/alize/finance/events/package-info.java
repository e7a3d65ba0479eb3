/**
 * What finance-service publishes on {@value org.alize.finance.events.FinanceEvents#TOPIC}: past-tense
 * records carrying the state a consumer needs. Amounts are euros with 2 decimals.
 */
package org.alize.finance.events;
