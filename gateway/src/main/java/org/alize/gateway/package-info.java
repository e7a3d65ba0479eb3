/**
 * The one public entry: routes each API path to the service that owns it (DESIGN.md), checks the token
 * before anything goes further (each service checks it again), drops what a client must not decide (tenant
 * headers, untrusted forwarding headers), limits each client's rate and request size, and answers a fast
 * 503 problem when a service is down or slow, through a circuit breaker and a time limit per service.
 */
package org.alize.gateway;
