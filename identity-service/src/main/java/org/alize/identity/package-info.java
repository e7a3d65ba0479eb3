/**
 * identity-service: the platform's OpenID Connect provider on Spring Authorization Server.
 *
 * <p>Accounts (with their grants) live in the network database {@code identity_network}; access tokens
 * carry the grants as the {@code network_roles} and {@code basins} claims every service reads. People
 * appointed to a basin's committees in basin-service are invited from its events.
 */
package org.alize.identity;
