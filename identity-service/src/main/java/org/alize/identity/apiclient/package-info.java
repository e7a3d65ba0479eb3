/**
 * API clients of a basin: the credentials a basin's own systems (its CRM, its spreadsheets' macros) use to call the
 * platform without a person's login. The basin's operator creates them, reading or also writing in that basin only,
 * with a secret shown once and an expiry; identity-service issues them client-credentials tokens limited to that
 * basin.
 */
package org.alize.identity.apiclient;
